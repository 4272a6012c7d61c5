using System.Globalization;

namespace ClawLearn.Bench;

/// <summary>Prints the ccusage comparison: the markdown table of times, the ratio, and the per-session agreement.</summary>
internal static class CcusageReport
{
    public sealed record Figures(string[] Args, string CcusageVersion, double Mb, int Files, double LoadBefore, double LoadAfter,
        Dictionary<string, string> CcusageFirst, Dictionary<string, string> Ccusage, Dictionary<string, string> Ingest, Dictionary<string, string> Usage);

    public static void Print(Figures f, UsageComparison c)
    {
        static double D(Dictionary<string, string> r, string key) => double.Parse(r[key], CultureInfo.InvariantCulture);
        var (ours, theirs) = (D(f.Ingest, "seconds") + D(f.Usage, "seconds"), D(f.Ccusage, "seconds"));
        var ourCpu = D(f.Ingest, "cpuSeconds") + D(f.Usage, "cpuSeconds");
        Console.WriteLine($"# clawlearn ingest + usage vs {f.CcusageVersion} on {f.Mb:F0} MB in {f.Files:N0} real-format transcripts (JSONL, SQLite, archives) " +
            $"({Environment.ProcessorCount} cores, .NET {Environment.Version}, 1-minute load average {f.LoadBefore:F2} before, {f.LoadAfter:F2} after)");
        Console.WriteLine();
        Console.WriteLine("| measurement | wall time | CPU time | peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("`ccusage openclaw session --offline --json` (2nd run)", f.Ccusage);
        Row("`clawlearn ingest --include-archived`, cold", f.Ingest);
        Row("`clawlearn usage --json`", f.Usage);
        Console.WriteLine($"| clawlearn ingest + usage | {ours:F2} s | {ourCpu:F2} s | {Math.Max(D(f.Ingest, "peakRssMb"), D(f.Usage, "peakRssMb")):F0} MB |");
        Console.WriteLine();
        Console.WriteLine($"Ratio (clawlearn ingest + usage) / ccusage: {ours / theirs:F2} wall, {ourCpu / D(f.Ccusage, "cpuSeconds"):F2} CPU (target ≤ 1.0). " +
            $"ccusage's 1st run: {D(f.CcusageFirst, "seconds"):F2} s.");
        Console.WriteLine();
        Agreement(c);
        Console.WriteLine();
        var args = f.Args.Length > 0 ? " " + string.Join(' ', f.Args) : "";
        Console.WriteLine($"Command: `dotnet run -c Release --project bench/ClawLearn.Bench -- ccusage{args}`");
    }

    /// <summary>The per-session agreement: counts, both totals, the first five differences in detail.</summary>
    public static void Agreement(UsageComparison c)
    {
        Console.WriteLine($"Sessions compared: {c.Compared:N0}; agreeing: {c.Agreeing:N0}; differing: {c.Differing:N0}. " +
            $"ccusage sessions matched to a SQLite session of clawlearn's by prefix: {c.PrefixMatched:N0}; " +
            $"sessions only clawlearn lists, all zero (ccusage drops zero entries): {c.OursOnlyZero:N0}; " +
            $"old transcripts of sessions moved into a store that ccusage counts besides the store's copy: {c.CcusageCopies:N0} ({c.CcusageCopiesEqual:N0} equal to it).");
        Console.WriteLine($"Totals, ccusage:   {c.CcusageTotals}");
        if (c.CcusageCopies > 0) Console.WriteLine($"Totals, ccusage without the copies it counts twice: {c.CcusageTotalsWithoutCopies}");
        Console.WriteLine($"Totals, clawlearn: {c.OurTotals}");
        foreach (var difference in c.Differences.Take(5)) Console.WriteLine("  " + difference);
    }

    private static void Row(string name, Dictionary<string, string> r) =>
        Console.WriteLine($"| {name} | {double.Parse(r["seconds"], CultureInfo.InvariantCulture):F2} s | " +
            $"{double.Parse(r["cpuSeconds"], CultureInfo.InvariantCulture):F2} s | {double.Parse(r["peakRssMb"], CultureInfo.InvariantCulture):F0} MB |");
}
