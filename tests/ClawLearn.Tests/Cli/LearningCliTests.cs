using System.Text.Json;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

public class LearningCliTests
{
    private static CliRunner.Result Run(FixtureDir fixture, string db, params string[] args) =>
        CliRunner.Run(fixture.Home, [.. args, "--state-dir", fixture.Root, "--db", db]);

    [Fact]
    public void Ingest_reports_what_it_did_and_then_that_nothing_changed()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        var first = Run(fixture, db, "ingest", "--agent", "main");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("main: read 11 sessions", first.Out);
        Assert.Contains("traces: 14 added", first.Out);
        Assert.Contains("1 pending runs", first.Out);
        var second = Run(fixture, db, "ingest", "--agent", "main");
        Assert.Contains("main: nothing changed (11 sessions unchanged, 14 traces", second.Out);
    }

    [Fact]
    public void Ingest_by_default_writes_one_store_per_agent_under_the_state_dir()
    {
        using var fixture = new FixtureDir();
        var result = CliRunner.Run(fixture.Home, "ingest", "--state-dir", fixture.Root);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(fixture.Path("learning", "main.sqlite")));
        Assert.True(File.Exists(fixture.Path("learning", "research.sqlite")));
        Assert.Contains("learning/ops.sqlite", result.Out);
    }

    [Fact]
    public void Export_writes_json_csv_and_ndjson_to_stdout_or_a_file()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        var json = Run(fixture, db, "export");
        Assert.Equal(0, json.ExitCode);
        using (var doc = JsonDocument.Parse(json.Out)) Assert.Equal(14, doc.RootElement.GetProperty("traces").GetArrayLength());
        var csv = Run(fixture, db, "export", "--format", "csv", "--no-traces", "--agent", "research");
        Assert.StartsWith("armId,alpha,beta,mean,pulls,lastUpdated\n", csv.Out);
        var file = temp.Combine("out.ndjson");
        var ndjson = Run(fixture, db, "export", "--format", "ndjson", "--output", file, "--agent", "ops");
        Assert.Equal(0, ndjson.ExitCode);
        Assert.Equal(2, File.ReadAllLines(file).Length);
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public void Export_errors_are_clear()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("never-ingested.sqlite");
        var before = Run(fixture, db, "export");
        Assert.Equal(2, before.ExitCode);
        Assert.Contains("run 'clawlearn ingest' first", before.Error);
        Assert.Equal(2, Run(fixture, db, "export", "--format", "xml").ExitCode);
        Run(fixture, db, "ingest");
        var ndjson = Run(fixture, db, "export", "--format", "ndjson", "--no-traces");
        Assert.Equal(2, ndjson.ExitCode);
        Assert.Contains("NDJSON holds traces only", ndjson.Error);
    }

    [Fact]
    public void Status_shows_the_reference_sections_plus_hidden_and_unused_arms()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        var status = Run(fixture, db, "status");
        Assert.Equal(0, status.ExitCode);
        Golden.Match("status-main.txt", status.Out);
        Assert.Contains("[PASSIVE]", status.Out);
        Assert.Contains("Budget: 8,000  |  Baseline: 10%  |  Min pulls: 5", status.Out);
        Assert.Contains("Top Arms (highest posterior mean)", status.Out);
        Assert.Contains("Bottom Arms (candidates for exclusion)", status.Out);
        Assert.Contains("memory:archive:old-vendors", status.Out);
        Assert.Contains("Never referenced", status.Out);
        var active = Run(fixture, db, "status", "--phase", "active", "--token-budget", "4000");
        Assert.Contains("[ACTIVE]", active.Out);
        Assert.Contains("Budget: 4,000", active.Out);
    }

    [Fact]
    public void Reward_is_stored_as_an_event_and_moves_the_posterior()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        double Alpha(string arm)
        {
            using var doc = JsonDocument.Parse(Run(fixture, db, "export", "--no-traces").Out);
            return doc.RootElement.GetProperty("posteriors").EnumerateArray().Single(p => p.GetProperty("armId").GetString() == arm).GetProperty("alpha").GetDouble();
        }
        var before = Alpha("tool:fs:read");
        var reward = Run(fixture, db, "reward", "read", "accepted", "--reason", "it helped", "--at", "2026-03-01T00:00:00Z");
        Assert.Equal(0, reward.ExitCode);
        Assert.Contains("Recorded accepted (reward=1) for tool:fs:read", reward.Out);
        Assert.Equal(before + 1, Alpha("tool:fs:read"));
        Assert.Equal(2, Run(fixture, db, "reward", "no-such-arm", "accepted").ExitCode);
        Assert.Equal(2, Run(fixture, db, "reward", "read", "maybe").ExitCode);
        Assert.Equal(2, Run(fixture, db, "reward", "read", "accepted", "--at", "last tuesday").ExitCode);
    }

    [Fact]
    public void Reset_needs_confirmation_and_puts_arms_back_to_their_prior()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        var refused = Run(fixture, db, "reset");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("without --confirm", refused.Error);
        var one = Run(fixture, db, "reset", "--arm", "tool:exec:exec", "--confirm", "--at", "2026-03-01T00:00:00Z");
        Assert.Contains("Reset 1 arm(s)", one.Out);
        using (var doc = JsonDocument.Parse(Run(fixture, db, "export", "--no-traces").Out))
        {
            var exec = doc.RootElement.GetProperty("posteriors").EnumerateArray().Single(p => p.GetProperty("armId").GetString() == "tool:exec:exec");
            Assert.Equal((3.0, 1.0, 0L), (exec.GetProperty("alpha").GetDouble(), exec.GetProperty("beta").GetDouble(), exec.GetProperty("pulls").GetInt64()));
        }
        var all = Run(fixture, db, "reset", "--confirm");
        Assert.Contains("Reset all", all.Out);
    }
}
