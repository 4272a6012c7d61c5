using System.Diagnostics;

namespace ClawLearn.Bench;

/// <summary>
/// The repo's <c>clawlearn</c> command built in Release, for benches that must time the executable a user runs
/// (its own runtime settings, argument parsing and output) rather than the library called in-process.
/// </summary>
internal static class ClawLearnBuild
{
    /// <summary>Builds src/ClawLearn.Cli in Release (a no-op when up to date) and returns its clawlearn.dll, run with <c>dotnet</c>.</summary>
    public static string Release()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClawLearn.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("run the benchmark from inside the ClawLearn repository");
        var project = Path.Combine(dir.FullName, "src", "ClawLearn.Cli");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-v", "q", "-nologo"]) { RedirectStandardOutput = true })!;
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0) throw new InvalidOperationException("building clawlearn failed");
        return Path.Combine(project, "bin", "Release", "net10.0", "clawlearn.dll");
    }
}
