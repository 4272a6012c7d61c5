using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Wiki;

public class WikiCliTests
{
    private static CliRunner.Result Run(WikiHarness wiki, DateTimeOffset now, params string[] args) =>
        CliRunner.RunAt(now, wiki.Fixture.Home, _ => null, [.. args, "--state-dir", wiki.Fixture.Root]);

    [Fact]
    public void Wiki_reports_what_it_wrote_and_then_that_nothing_changed()
    {
        using var wiki = new WikiHarness();
        var first = Run(wiki, WikiHarness.Now, "wiki", "--vault", wiki.Vault);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"""
            {wiki.Vault} (full rebuild)
              sources: 2 memory files, 17 notes, 1 DREAMS.md, 2 session indexes, 16 sessions
              delta: 38 new, 0 modified, 0 touched, 0 unchanged, 0 deleted; 16 sessions read
              pages: 25 created, 0 updated, 0 removed; 25 in the vault

            """, first.Out);
        var second = Run(wiki, WikiHarness.Now.AddDays(1), "wiki", "--vault", wiki.Vault);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"{wiki.Vault}: nothing changed (38 sources unchanged; 25 pages); nothing was written\n", second.Out);
        var agent = Run(wiki, WikiHarness.Now.AddDays(1), "wiki", "--vault", wiki.Vault, "--agent", "ALL");
        Assert.Contains("nothing changed", agent.Out);
    }

    [Fact]
    public void Bad_input_exits_2_with_a_clear_error()
    {
        using var wiki = new WikiHarness();
        var inside = Run(wiki, WikiHarness.Now, "wiki", "--vault", wiki.Fixture.Path("vault"));
        Assert.Equal(2, inside.ExitCode);
        Assert.Contains("is inside the OpenClaw state directory", inside.Error);
        Assert.False(Directory.Exists(wiki.Fixture.Path("vault")));

        var agent = Run(wiki, WikiHarness.Now, "wiki", "--vault", wiki.Vault, "--agent", "nobody");
        Assert.Equal(2, agent.ExitCode);
        Assert.Contains("no agent 'nobody'", agent.Error);

        var missing = Run(wiki, WikiHarness.Now, "wiki");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--vault", missing.Error);

        var lint = CliRunner.Run(wiki.Fixture.Home, "wiki", "lint", "--vault", Path.Combine(wiki.Vault, "nope"));
        Assert.Equal(2, lint.ExitCode);
        Assert.Contains("no vault at", lint.Error);
    }

    [Fact]
    public void Help_and_readme_agree_on_the_wiki_options()
    {
        var help = CliRunner.Run("/nonexistent-home", "wiki", "--help").Out;
        var lint = CliRunner.Run("/nonexistent-home", "wiki", "lint", "--help").Out;
        var root = CliRunner.Run("/nonexistent-home", "--help").Out;
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var option in new[] { "--vault", "--full", "--agent", "--db" }) Assert.Contains(option, help);
        Assert.Contains("lint", help);
        Assert.Contains("--vault", lint);
        Assert.Contains("wiki", root);
        Assert.Contains("| `clawlearn wiki --vault PATH [--full] [--agent ID|all] [--db FILE|URL]` |", readme.Replace("\\|", "|"));
        Assert.Contains("| `clawlearn wiki lint --vault PATH` |", readme);
    }
}
