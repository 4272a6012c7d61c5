using System.Diagnostics;
using System.Globalization;

namespace ClawLearn.Bench;

/// <summary>
/// <c>clawlearn ingest --include-archived</c> (cold) plus <c>clawlearn usage --json</c>, the real Release executable,
/// against <c>ccusage openclaw session --offline --json</c> on the same scale corpus: wall time, CPU time and peak
/// RSS of each, each in its own process, and whether every session's token counts and cost agree.
/// </summary>
internal static class CcusageBenchmark
{
    private const string DefaultBinary = "/tmp/ccu/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage";

    // npm has no @ccusage/ccusage-linux-x64 20.0.26 (the last native build published is 20.0.24), so ccusage 20.0.26's
    // optional dependency on it is skipped without a word; the native package is named with the version that exists.
    private const string InstallHint = "npm install --prefix /tmp/ccu ccusage@20.0.26 @ccusage/ccusage-linux-x64@20.0.24";

    public static int Run(string[] args)
    {
        if (CorpusOptions.Parse(args, requireOut: false, defaultSizeMb: 2048) is not { } options) return 2;
        if (Ccusage(args) is not { } ccusage) return 2;
        var dir = options.Directory;
        options.Ensure();
        var clawlearn = ClawLearnBuild.Release();
        var work = Path.Combine(Path.GetTempPath(), $"clawlearn-ccusage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var keep = false;
        try
        {
            var loadBefore = LoadAverage();
            // Warm the page cache once (every live transcript and every store), so no measurement pays for the first disk read.
            var bare = ChildProcess.Run("measure-bare", dir);
            var theirJson = Path.Combine(work, "ccusage.json");
            string[] ccusageRun = ["measure-exec", theirJson, $"OPENCLAW_DIR={dir}", "--", ccusage, "openclaw", "session", "--offline", "--json"];
            // ccusage twice, the second counted: it also reads the archives, which the warm-up pass skips.
            var theirsFirst = ChildProcess.Run(ccusageRun);
            var theirs = ChildProcess.Run(ccusageRun);
            var db = Path.Combine(work, "learning.sqlite");
            var ingest = ChildProcess.Run("measure-exec", Path.Combine(work, "ingest.txt"), "--",
                "dotnet", clawlearn, "ingest", "--include-archived", "--state-dir", dir, "--db", db);
            var ourJson = Path.Combine(work, "clawlearn.json");
            var usage = ChildProcess.Run("measure-exec", ourJson, "--", "dotnet", clawlearn, "usage", "--json", "--state-dir", dir, "--db", db);
            var loadAfter = LoadAverage();

            var comparison = UsageComparison.Of(theirJson, ourJson);
            var mb = long.Parse(bare["bytes"], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
            CcusageReport.Print(new CcusageReport.Figures(args, Version(ccusage), mb, options.Files, loadBefore, loadAfter, theirsFirst, theirs, ingest, usage), comparison);
            keep = comparison.Differing > 0;
            if (keep) Console.WriteLine($"\nBoth outputs kept for a look: {theirJson}, {ourJson}");
            return keep ? 1 : 0;
        }
        finally
        {
            foreach (var f in Directory.EnumerateFiles(work).Where(f => !keep || !f.EndsWith(".json", StringComparison.Ordinal))) File.Delete(f);
            if (!keep) Directory.Delete(work);
        }
    }

    /// <summary>The agreement check alone, on outputs saved earlier (the benchmark keeps both when they differ).</summary>
    public static int Compare(string ccusageJson, string clawlearnJson)
    {
        var comparison = UsageComparison.Of(ccusageJson, clawlearnJson);
        CcusageReport.Agreement(comparison);
        return comparison.Differing > 0 ? 1 : 0;
    }

    /// <summary>--ccusage PATH, else $CLAWLEARN_CCUSAGE, else the default install; null (after saying how to install) when there is none.</summary>
    private static string? Ccusage(string[] args)
    {
        var path = StreamingBenchmark.Option(args, "--ccusage", "");
        if (path.Length == 0) path = Environment.GetEnvironmentVariable("CLAWLEARN_CCUSAGE") ?? "";
        if (path.Length == 0) path = DefaultBinary;
        if (File.Exists(path)) return Path.GetFullPath(path);
        Console.Error.WriteLine($"ccusage not found at {path}. Install it with `{InstallHint}`, or give its native binary with --ccusage PATH or $CLAWLEARN_CCUSAGE.");
        return null;
    }

    private static string Version(string ccusage)
    {
        using var process = Process.Start(new ProcessStartInfo(ccusage, ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    /// <summary>The 1-minute load average: on a shared machine, what the wall times mean depends on it.</summary>
    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
