using ClawLearn.StateDir;
using ClawLearn.Tests.Support;
using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

/// <summary>A fixture state directory and a vault folder, with a wiki run in one call and a clock the test controls.</summary>
public sealed class WikiHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 2, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDir _vault = new("clawlearn-vault");

    public WikiHarness(FixtureDir? fixture = null) => Fixture = fixture ?? new FixtureDir();

    public FixtureDir Fixture { get; }

    public string Vault => _vault.Path;

    public WikiResult Run(DateTimeOffset? now = null, bool full = false, string? agent = null, SafeFileAccess? files = null) =>
        new WikiBuilder(Fixture.Open(files), Fixture.Home, new WikiOptions(Vault, now ?? Now) { Full = full, AgentId = agent }).Run();

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Vault, relative));

    public void Write(string relative, string text) => File.WriteAllText(System.IO.Path.Combine(Vault, relative), text);

    /// <summary>Every file of the vault with its content and last write time.</summary>
    public Dictionary<string, (string Text, DateTime Written)> Snapshot() =>
        Directory.EnumerateFiles(Vault, "*", SearchOption.AllDirectories).ToDictionary(
            f => System.IO.Path.GetRelativePath(Vault, f).Replace('\\', '/'),
            f => (File.ReadAllText(f), File.GetLastWriteTimeUtc(f)));

    public IReadOnlyList<string> Pages() => VaultLayout.Pages(Vault);

    public void Dispose()
    {
        Fixture.Dispose();
        _vault.Dispose();
    }
}
