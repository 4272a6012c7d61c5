using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

/// <summary><c>clawlearn serve</c> from the command line: it binds for real, answers, and stops cleanly.</summary>
public sealed partial class ServeCliTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Serve_binds_a_free_port_answers_and_stops(string host)
    {
        using var learning = new LearningHarness();
        var db = learning.StorePath("main");
        learning.Ingest();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = new SharedStringWriter();
        var run = Task.Run(() => CliRunner.Run(learning.Fixture.Home, _ => null, output, stop.Token,
            "serve", "--state-dir", learning.Fixture.Root, "--db", db, "--host", host, "--port", "0"));
        string? dashboard = null;
        for (var i = 0; i < 300 && dashboard is null && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            dashboard = DashboardLine().Match(output.ToString()) is { Success: true } m ? m.Groups[1].Value : null;
        }
        if (dashboard is null) Assert.Fail("no dashboard line; output: " + output + (run.IsCompleted ? " error: " + (await run).Error : ""));
        Assert.Matches(@"^Serving agent 'main' \(\d+ traces\) at http://127\.0\.0\.1:\d+/__openclaw__/api/learning/$", output.ToString().Split('\n')[0]);
        using var http = new HttpClient();
        var summary = JsonNode.Parse(await http.GetStringAsync(dashboard!.Replace("/dashboard", "/summary")))!;
        Assert.Equal(learning.Traces("main").Count, (long)summary["traceCount"]!);
        Assert.Contains("Learning Dashboard", await http.GetStringAsync(dashboard));
        await stop.CancelAsync();
        var result = await run;
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Serve_refuses_an_open_bind_without_a_token()
    {
        using var fixture = new FixtureDir();
        var result = CliRunner.Run(fixture.Home, "serve", "--state-dir", fixture.Root, "--host", "0.0.0.0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--token or CLAWLEARN_TOKEN", result.Error);
    }

    [Fact]
    public void Serve_rejects_a_host_it_cannot_bind_and_a_bad_port()
    {
        using var fixture = new FixtureDir();
        Assert.Contains("not localhost, an IP address", CliRunner.Run(fixture.Home, "serve", "--state-dir", fixture.Root, "--host", "example.com").Error);
        Assert.Contains("is not a port", CliRunner.Run(fixture.Home, "serve", "--state-dir", fixture.Root, "--port", "70000").Error);
    }

    [Fact]
    public void Serve_help_documents_the_options()
    {
        using var fixture = new FixtureDir();
        var help = CliRunner.Run(fixture.Home, "serve", "--help").Out;
        foreach (var option in new[] { "--host", "--port", "--token", "--cors-origin", "--agent", "--db" }) Assert.Contains(option, help);
    }

    [GeneratedRegex(@"Dashboard: (http://\S+/dashboard)")]
    private static partial Regex DashboardLine();
}
