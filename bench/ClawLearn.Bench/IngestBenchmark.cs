using System.Globalization;

namespace ClawLearn.Bench;

/// <summary>
/// Ingest throughput on a generated corpus, against a bare Utf8JsonReader pass over the same bytes measured in the
/// same run (the ratio's denominator), with peak memory, and the time of a re-ingest when nothing changed.
/// </summary>
internal static class IngestBenchmark
{
    public static int Run(string[] args)
    {
        if (CorpusOptions.Parse(args, requireOut: false) is not { } options) return 2;
        var (dir, files) = (options.Directory, options.Files);
        options.Ensure();
        var db = Path.Combine(Path.GetTempPath(), $"clawlearn-bench-{Guid.NewGuid():N}.sqlite");
        try
        {
            // Warm the page cache once so neither measurement pays for the first disk read.
            ChildProcess.Run("measure-bare", dir);
            var bare = ChildProcess.Run("measure-bare", dir);
            // Megabytes are what ingest reads (and the bare pass passes over): live JSONL and SQLite event_json.
            var mb = long.Parse(bare["bytes"], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
            var cold = ChildProcess.Run("measure-ingest", dir, db);
            var warm = ChildProcess.Run("measure-ingest", dir, db);
            double S(Dictionary<string, string> r) => double.Parse(r["seconds"], CultureInfo.InvariantCulture);
            var traces = long.Parse(cold["traces"], CultureInfo.InvariantCulture);
            Console.WriteLine($"# Ingest of {mb:F0} MB in {files:N0} real-format transcripts (JSONL, SQLite, archives) ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
            Console.WriteLine();
            Console.WriteLine("| measurement | time | throughput | peak RSS |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine($"| bare Utf8JsonReader pass (every token of every line and event) | {S(bare):F2} s | {mb / S(bare):F0} MB/s | {bare["peakRssMb"]} MB |");
            Console.WriteLine($"| `clawlearn ingest`, cold ({traces:N0} traces) | {S(cold):F2} s | {mb / S(cold):F0} MB/s, {traces / S(cold):N0} traces/s | {cold["peakRssMb"]} MB |");
            Console.WriteLine($"| `clawlearn ingest` again, nothing changed | {S(warm):F2} s | | {warm["peakRssMb"]} MB |");
            Console.WriteLine();
            Console.WriteLine($"Ratio cold ingest / bare pass: {S(cold) / S(bare):F2} (target ≤ 2). Warm re-ingest of {files:N0} unchanged files: {S(warm):F2} s (target ≤ 1 s).");
            return 0;
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        }
    }
}
