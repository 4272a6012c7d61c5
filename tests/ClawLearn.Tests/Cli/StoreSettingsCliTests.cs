using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

public class StoreSettingsCliTests
{
    [Fact]
    public void Clawlearn_db_in_the_environment_names_the_store_for_every_command_and_db_overrides_it()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var fromEnv = temp.Combine("env.sqlite");
        string? Env(string name) => name == "CLAWLEARN_DB" ? fromEnv : null;
        var ingest = CliRunner.Run(fixture.Home, Env, "ingest", "--agent", "main", "--state-dir", fixture.Root);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains(fromEnv, ingest.Out);
        Assert.False(File.Exists(fixture.Path("learning", "main.sqlite")));
        Assert.Equal(0, CliRunner.Run(fixture.Home, Env, "status", "--state-dir", fixture.Root).ExitCode);
        var flag = temp.Combine("flag.sqlite");
        var overridden = CliRunner.Run(fixture.Home, Env, "status", "--db", flag, "--state-dir", fixture.Root);
        Assert.Equal(2, overridden.ExitCode); // nothing ingested into the store the flag names
        Assert.Contains("run 'clawlearn ingest' first", overridden.Error);
    }

    [Fact]
    public void The_settings_file_names_the_store_and_a_broken_one_is_reported_with_its_line()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("settings.sqlite");
        Directory.CreateDirectory(fixture.Path("learning"));
        File.WriteAllText(fixture.Path("learning", "clawlearn.json"), $"// ClawLearn's own settings\n{{ db: '{db}', }}\n");
        var ingest = CliRunner.Run(fixture.Home, "ingest", "--agent", "main", "--state-dir", fixture.Root);
        Assert.Equal(0, ingest.ExitCode);
        Assert.True(File.Exists(db));
        Assert.Equal(0, CliRunner.Run(fixture.Home, "usage", "--agent", "main", "--state-dir", fixture.Root).ExitCode);

        File.WriteAllText(fixture.Path("learning", "clawlearn.json"), "{\n  db: 'x.sqlite'\n  oops\n}\n");
        var broken = CliRunner.Run(fixture.Home, "status", "--state-dir", fixture.Root);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("clawlearn.json:3:", broken.Error);
        File.WriteAllText(fixture.Path("learning", "clawlearn.json"), "{ db: 5 }");
        var wrongType = CliRunner.Run(fixture.Home, "status", "--state-dir", fixture.Root);
        Assert.Equal(2, wrongType.ExitCode);
        Assert.Contains("\"db\" must be a non-empty string", wrongType.Error);
    }

    [Fact]
    public void The_wiki_takes_its_evidence_from_the_store_the_learning_commands_use()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("shared.sqlite");
        string? Env(string name) => name == "CLAWLEARN_DB" ? db : null;
        Assert.Equal(0, CliRunner.Run(fixture.Home, Env, "ingest", "--state-dir", fixture.Root).ExitCode);
        var vault = temp.Combine("vault");
        Assert.Equal(0, CliRunner.Run(fixture.Home, Env, "wiki", "--vault", vault, "--state-dir", fixture.Root).ExitCode);
        Assert.Matches(@"Beta\(\d+, \d+\), mean 0\.\d\d over \d+ runs", File.ReadAllText(Path.Combine(vault, "entities", "tool-exec.md")));
        // --db overrides the environment: a store nothing was ingested into gives no evidence, not an error.
        var other = temp.Combine("vault-other");
        var empty = CliRunner.Run(fixture.Home, Env, "wiki", "--vault", other, "--db", temp.Combine("none.sqlite"), "--state-dir", fixture.Root);
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("no learning store (run clawlearn ingest)", File.ReadAllText(Path.Combine(other, "entities", "tool-exec.md")));
    }
}
