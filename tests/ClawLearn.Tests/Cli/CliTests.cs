using System.Text.Json;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

public class CliTests
{
    [Fact]
    public void Scan_json_is_valid_json_with_totals()
    {
        using var fixture = new FixtureDir();
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root, "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var totals = doc.RootElement.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("agents").GetInt32());
        Assert.Equal(16, totals.GetProperty("sessions").GetProperty("read").GetInt32());
        Assert.Equal(2, totals.GetProperty("sessions").GetProperty("skipped").GetInt32());
    }

    [Fact]
    public void Scan_golden_on_the_full_fixture()
    {
        using var fixture = new FixtureDir();
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root);
        Assert.Equal(0, result.ExitCode);
        Golden.Match("scan-fixture.txt", result.Out.Replace(fixture.Root, "<STATE>"));
    }

    [Fact]
    public void The_state_dir_can_come_from_the_environment()
    {
        using var fixture = new FixtureDir();
        var result = CliRunner.Run(fixture.Home, name => name == "OPENCLAW_STATE_DIR" ? fixture.Root : null, "scan", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"stateDirSource\": \"Environment\"", result.Out);
    }

    [Fact]
    public void A_config_syntax_error_exits_2_naming_file_line_and_column()
    {
        using var fixture = new FixtureDir();
        File.WriteAllText(fixture.Path("openclaw.json"), "{\n  agents: {\n    list: [ { id: 'main' } }\n}\n");
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{fixture.Path("openclaw.json")}:3:28: expected ',' or ']'", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void An_include_cycle_exits_2_naming_the_chain()
    {
        using var fixture = new FixtureDir();
        File.WriteAllText(fixture.Path("includes", "channels.json5"), "{ $include: '../openclaw.json' }");
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("openclaw.json -> channels.json5 -> openclaw.json", result.Error);
    }

    [Fact]
    public void A_missing_state_dir_exits_2()
    {
        using var temp = new TempDir();
        var result = CliRunner.Run(temp.Path, "scan", "--state-dir", temp.Combine("nope"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("state directory not found", result.Error);
    }

    [Fact]
    public void An_unknown_agent_exits_2_listing_the_agents()
    {
        using var fixture = new FixtureDir();
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root, "--agent", "ghost");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("agents: main, ops, research", result.Error);
    }

    [Fact]
    public void Unknown_options_exit_2_with_usage_hint()
    {
        var result = CliRunner.Run("/tmp", "scan", "--bogus");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bogus", result.Error);
        Assert.Contains("clawlearn --help", result.Error);
    }

    [Fact]
    public void Help_lists_the_commands_and_options()
    {
        var result = CliRunner.Run("/tmp", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("scan", result.Out);
        Assert.Contains("--state-dir", result.Out);
        var scanHelp = CliRunner.Run("/tmp", "scan", "--help");
        Assert.Contains("--include-archived", scanHelp.Out);
        Assert.Contains("--json", scanHelp.Out);
    }

    [Fact]
    public void Scan_of_one_agent_reports_only_that_agent()
    {
        using var fixture = new FixtureDir();
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root, "--agent", "research", "--json");
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(["research"], doc.RootElement.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }
}
