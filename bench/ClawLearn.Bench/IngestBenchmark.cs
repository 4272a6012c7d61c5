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
        var sizeMb = long.Parse(StreamingBenchmark.Option(args, "--size-mb", "1024"), CultureInfo.InvariantCulture);
        var files = int.Parse(StreamingBenchmark.Option(args, "--files", "10000"), CultureInfo.InvariantCulture);
        var dir = StreamingBenchmark.Option(args, "--dir", Path.Combine(Path.GetTempPath(), $"clawlearn-corpus-{sizeMb}mb-{files}"));
        if (!Directory.Exists(Path.Combine(dir, "agents")))
        {
            Console.Error.WriteLine($"generating {sizeMb} MB in {files} files under {dir} …");
            StateDirCorpus.Write(dir, sizeMb * 1024 * 1024, files);
        }
        var bytes = Directory.EnumerateFiles(Path.Combine(dir, "agents"), "*.jsonl", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var mb = bytes / (1024.0 * 1024.0);
        var db = Path.Combine(Path.GetTempPath(), $"clawlearn-bench-{Guid.NewGuid():N}.sqlite");
        try
        {
            // Warm the page cache once so neither measurement pays for the first disk read.
            ChildProcess.Run("measure-bare", dir);
            var bare = ChildProcess.Run("measure-bare", dir);
            var cold = ChildProcess.Run("measure-ingest", dir, db);
            var warm = ChildProcess.Run("measure-ingest", dir, db);
            double S(Dictionary<string, string> r) => double.Parse(r["seconds"], CultureInfo.InvariantCulture);
            var traces = long.Parse(cold["traces"], CultureInfo.InvariantCulture);
            Console.WriteLine($"# Ingest of {mb:F0} MB in {files:N0} real-format files ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
            Console.WriteLine();
            Console.WriteLine("| measurement | time | throughput | peak RSS |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine($"| bare Utf8JsonReader pass (every token of every line) | {S(bare):F2} s | {mb / S(bare):F0} MB/s | {bare["peakRssMb"]} MB |");
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
