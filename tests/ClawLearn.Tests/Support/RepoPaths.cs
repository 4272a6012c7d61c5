namespace ClawLearn.Tests.Support;

/// <summary>Finds the repository root from the test binary's folder (the folder holding ClawLearn.slnx).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Samples => Path.Combine(Root, "samples", "openclaw");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClawLearn.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (ClawLearn.slnx)");
    }
}
