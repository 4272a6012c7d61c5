using System.Text.Json;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

public class UsageCliTests
{
    [Fact]
    public void Usage_json_per_session_has_ccusages_shape_and_the_exact_figures()
    {
        using var fixture = new FixtureDir();
        CliRunner.Run(fixture.Home, "ingest", "--state-dir", fixture.Root);
        var result = CliRunner.Run(fixture.Home, "usage", "--json", "--state-dir", fixture.Root);
        Assert.Equal(0, result.ExitCode);
        Golden.Match("usage-sessions.json", result.Out);
        using var doc = JsonDocument.Parse(result.Out);
        var sessions = doc.RootElement.GetProperty("sessions").EnumerateArray().ToList();
        var totals = doc.RootElement.GetProperty("totals");
        foreach (var field in new[] { "inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens", "messages" })
            Assert.Equal(totals.GetProperty(field).GetInt64(), sessions.Sum(s => s.GetProperty(field).GetInt64()));
        Assert.Contains(sessions, s => s.GetProperty("agentId").GetString() == "ops");
    }

    [Fact]
    public void Usage_by_day_for_one_agent_prints_a_table_with_totals_and_json_with_dates()
    {
        using var fixture = new FixtureDir();
        CliRunner.Run(fixture.Home, "ingest", "--state-dir", fixture.Root);
        var table = CliRunner.Run(fixture.Home, "usage", "--by", "day", "--agent", "main", "--state-dir", fixture.Root);
        Assert.Equal(0, table.ExitCode);
        Golden.Match("usage-main-days.txt", table.Out);
        var json = CliRunner.Run(fixture.Home, "usage", "--by", "day", "--agent", "main", "--json", "--state-dir", fixture.Root);
        using var doc = JsonDocument.Parse(json.Out);
        var days = doc.RootElement.GetProperty("daily").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
        Assert.Contains("2026-02-20", days);
    }

    [Fact]
    public void Usage_over_one_store_file_reports_the_agents_ingested_into_it()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("one.sqlite");
        CliRunner.Run(fixture.Home, "ingest", "--agent", "main", "--db", db, "--state-dir", fixture.Root);
        var result = CliRunner.Run(fixture.Home, "usage", "--json", "--db", db, "--state-dir", fixture.Root);
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.All(doc.RootElement.GetProperty("sessions").EnumerateArray(), s => Assert.Equal("main", s.GetProperty("agentId").GetString()));
    }

    [Fact]
    public void Usage_errors_are_clear()
    {
        using var fixture = new FixtureDir();
        var before = CliRunner.Run(fixture.Home, "usage", "--state-dir", fixture.Root);
        Assert.Equal(2, before.ExitCode);
        Assert.Contains("run 'clawlearn ingest' first", before.Error);
        Assert.Equal(2, CliRunner.Run(fixture.Home, "usage", "--by", "week", "--state-dir", fixture.Root).ExitCode);
        CliRunner.Run(fixture.Home, "ingest", "--state-dir", fixture.Root, "--agent", "main");
        var unknown = CliRunner.Run(fixture.Home, "usage", "--agent", "nobody", "--state-dir", fixture.Root);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no agent 'nobody'", unknown.Error);
        var notIngested = CliRunner.Run(fixture.Home, "usage", "--agent", "ops", "--state-dir", fixture.Root);
        Assert.Equal(2, notIngested.ExitCode);
        Assert.Contains("run 'clawlearn ingest' first", notIngested.Error);
    }
}
