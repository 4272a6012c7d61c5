using System.Text.Json;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

public class SimulateCliTests
{
    private static CliRunner.Result Run(FixtureDir fixture, string db, params string[] args) =>
        CliRunner.Run(fixture.Home, [.. args, "--state-dir", fixture.Root, "--db", db]);

    [Fact]
    public void Simulate_compares_three_policies_and_is_reproducible()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        var json = Run(fixture, db, "simulate", "--budget", "2000", "--windows", "3", "--json");
        Assert.Equal(0, json.ExitCode);
        Golden.Match("simulate-main.json", json.Out);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(["Thompson", "GreedyByMean", "Random"], doc.RootElement.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("policy").GetString()));
        Assert.Equal(14, doc.RootElement.GetProperty("runs").GetInt64());
        Assert.Equal(json.Out, Run(fixture, db, "simulate", "--budget", "2000", "--windows", "3", "--json").Out);

        var table = Run(fixture, db, "simulate", "--budget", "2000", "--windows", "3");
        Assert.Contains("Over time (saved / miss rate per window)", table.Out);
        Assert.Contains("GreedyByMean", table.Out);
    }

    [Fact]
    public void Simulate_writes_a_self_contained_html_report()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Run(fixture, db, "ingest");
        var html = temp.Combine("replay.html");
        var result = Run(fixture, db, "simulate", "--html", html, "--phase-in-after", "2", "--decay-half-life", "7");
        Assert.Equal(0, result.ExitCode);
        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Equal(2, page.Split("<svg").Length - 1);
        Assert.Equal(6, page.Split("<polyline").Length - 1); // three policies in each of two charts
        Assert.Contains("full prompts for the first 2 runs", page);
        Assert.Contains("evidence half-life 7 days", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("http", page.Replace("http://www.w3.org", "")); // nothing fetched from anywhere
    }

    [Fact]
    public void Simulate_refuses_bad_arguments_and_missing_data()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        Assert.Equal(2, Run(fixture, db, "simulate").ExitCode);
        Run(fixture, db, "ingest");
        Assert.Equal(2, Run(fixture, db, "simulate", "--windows", "0").ExitCode);
        Assert.Equal(2, Run(fixture, db, "simulate", "--phase-in-after", "-1").ExitCode);
    }
}
