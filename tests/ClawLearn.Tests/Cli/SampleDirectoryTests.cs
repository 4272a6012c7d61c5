using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Cli;

/// <summary>
/// The bundled <c>samples/openclaw</c> directory is what the fixture generator builds in portable mode, so the
/// README's first command always runs on a realistic, current sample. <c>CLAWLEARN_UPDATE_SAMPLES=1</c> rewrites it.
/// </summary>
public class SampleDirectoryTests
{
    [Fact]
    public void Sample_is_what_the_generator_builds()
    {
        using var temp = new TempDir();
        var fresh = StateDirFixture.Build(temp.Combine("openclaw"), new FixtureOptions { Portable = true, SqliteWal = false });
        if (Environment.GetEnvironmentVariable("CLAWLEARN_UPDATE_SAMPLES") == "1")
        {
            if (Directory.Exists(RepoPaths.Samples)) Directory.Delete(RepoPaths.Samples, recursive: true);
            StateDirFixture.Build(RepoPaths.Samples, new FixtureOptions { Portable = true, SqliteWal = false });
        }
        var expected = Files(fresh);
        var actual = Files(RepoPaths.Samples);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, path) in expected)
        {
            // SQLite files are compared by what a scan reads from them (their bytes carry page-level noise).
            if (name.EndsWith(".sqlite", StringComparison.Ordinal)) continue;
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(actual[name])), $"samples/openclaw/{name} is stale; run the tests with CLAWLEARN_UPDATE_SAMPLES=1");
        }
    }

    [Fact]
    public void Scan_of_the_sample_matches_golden()
    {
        var result = CliRunner.Run("/nonexistent-home", "scan", "--state-dir", RepoPaths.Samples);
        Assert.Equal(0, result.ExitCode);
        Golden.Match("scan-sample.txt", result.Out.Replace(RepoPaths.Samples, "<SAMPLES>"));
    }

    [Fact]
    public void Scan_json_of_the_sample_matches_golden()
    {
        var result = CliRunner.Run("/nonexistent-home", "scan", "--state-dir", RepoPaths.Samples, "--json", "--include-archived");
        Assert.Equal(0, result.ExitCode);
        Golden.Match("scan-sample-archived.json", result.Out.Replace(RepoPaths.Samples, "<SAMPLES>"));
    }

    // learning/ is where `clawlearn ingest` on the sample writes its stores; it is not part of the sample.
    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Replace('\\', '/').StartsWith("learning/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => f);
}
