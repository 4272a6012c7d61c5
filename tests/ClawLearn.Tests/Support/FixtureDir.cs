using ClawLearn.StateDir;
using ClawLearn.Tests.Fixtures;

namespace ClawLearn.Tests.Support;

/// <summary>A generated fixture state directory in a temp folder, with a HOME that is not the real one.</summary>
public sealed class FixtureDir : IDisposable
{
    private readonly TempDir _temp = new("clawlearn-fixture");

    public FixtureDir(FixtureOptions options = default)
    {
        Home = _temp.Combine("home");
        Directory.CreateDirectory(Home);
        Root = StateDirFixture.Build(_temp.Combine("state"), options);
    }

    public string Root { get; }
    public string Home { get; }

    public ResolvedStateDir Resolve() => StateDirResolver.Resolve(Root, _ => null, Home);

    public StateDirectory Open(SafeFileAccess? files = null) => StateDirectory.Open(Resolve(), files);

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void Dispose() => _temp.Dispose();
}
