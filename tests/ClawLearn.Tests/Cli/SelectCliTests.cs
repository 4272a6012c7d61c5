using System.Text.Json;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

public class SelectCliTests
{
    private static CliRunner.Result Run(FixtureDir fixture, string db, params string[] args) =>
        CliRunner.Run(fixture.Home, [.. args, "--state-dir", fixture.Root, "--db", db]);

    [Fact]
    public void A_seeded_selection_from_the_agent_inventory_matches_golden()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        var result = Run(fixture, db, "select", "--budget", "3000", "--seed", "7", "--today", "2026-02-21", "--json");
        Assert.Equal(0, result.ExitCode);
        Golden.Match("select-main.json", result.Out);
        using var doc = JsonDocument.Parse(result.Out);
        var arms = doc.RootElement.GetProperty("arms").EnumerateArray().ToList();
        Assert.Contains(arms, a => a.GetProperty("armId").GetString() == "memory:daily:2026-02-21");
        Assert.DoesNotContain(arms, a => a.GetProperty("armId").GetString() == "memory:archive:old-vendors"); // never in the prompt
        Assert.True(doc.RootElement.GetProperty("usedTokens").GetInt32() <= 3000);
        Assert.Equal(result.Out, Run(fixture, db, "select", "--budget", "3000", "--seed", "7", "--today", "2026-02-21", "--json").Out);
    }

    [Fact]
    public void An_inventory_file_can_be_given_and_excluded_tools_get_guidance()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        var inventory = temp.Combine("inventory.json");
        File.WriteAllText(inventory, """{"arms": [{"armId": "tool:exec:exec", "tokenCost": 450}, {"armId": "tool:web:web_fetch", "tokenCost": 500},]}""");
        var result = Run(fixture, db, "select", "--inventory", inventory, "--budget", "450", "--seed", "1", "--baseline-rate", "0");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Guidance for the prompt:", result.Out);
        Assert.Contains("not loaded in this run:", result.Out);
    }

    [Theory]
    [InlineData("""{"arms": [{"armId": "not-an-arm", "tokenCost": 1}]}""", "needs an id type:category:id")]
    [InlineData("""{"arms": [{"armId": "tool:a:b", "tokenCost": -1}]}""", "tokenCost of zero or more")]
    [InlineData("""{"arms": [""", "cannot read inventory")]
    public void A_bad_inventory_is_a_clear_error(string content, string message)
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest", "--agent", "research");
        var inventory = temp.Combine("bad.json");
        File.WriteAllText(inventory, content);
        var result = Run(fixture, db, "select", "--inventory", inventory);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Select_before_ingest_or_with_a_negative_budget_is_refused()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Assert.Contains("run 'clawlearn ingest' first", Run(fixture, db, "select").Error);
        Run(fixture, db, "ingest");
        Assert.Equal(2, Run(fixture, db, "select", "--budget", "-5").ExitCode);
        Assert.Equal(2, Run(fixture, db, "select", "--today", "tomorrow").ExitCode);
    }
}

public class SelectPartitionCliTests
{
    [Fact]
    public void Select_by_channel_needs_the_next_runs_channel_and_uses_only_its_runs()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        CliRunner.Run(fixture.Home, "ingest", "--state-dir", fixture.Root, "--db", db);
        var missing = CliRunner.Run(fixture.Home, "select", "--by", "channel", "--state-dir", fixture.Root, "--db", db);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("needs --context", missing.Error);
        var telegram = CliRunner.Run(fixture.Home, "select", "--by", "channel", "--context", "telegram", "--seed", "2", "--json", "--state-dir", fixture.Root, "--db", db);
        var discord = CliRunner.Run(fixture.Home, "select", "--by", "channel", "--context", "discord", "--seed", "2", "--json", "--state-dir", fixture.Root, "--db", db);
        Assert.Equal(0, telegram.ExitCode);
        Assert.NotEqual(telegram.Out, discord.Out); // different histories, different beliefs
        Assert.Equal(2, CliRunner.Run(fixture.Home, "select", "--by", "weather", "--state-dir", fixture.Root, "--db", db).ExitCode);
    }
}
