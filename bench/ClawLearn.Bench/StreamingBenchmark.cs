using System.Globalization;

namespace ClawLearn.Bench;

/// <summary>
/// Peak memory while reading one transcript of growing size. Flat memory means the reader streams: the
/// 500 MB file should peak about where the 1 MB file does.
/// </summary>
internal static class StreamingBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = Option(args, "--sizes", "1,10,100,500").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var dir = Option(args, "--dir", Path.Combine(Path.GetTempPath(), "clawlearn-bench"));
        Directory.CreateDirectory(dir);
        Console.WriteLine($"# Streaming read of one real-format transcript ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine();
        Console.WriteLine("| file size | lines | turns | read time | throughput | peak RSS | peak RSS vs 1st row |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        double? baseline = null;
        foreach (var mb in sizes)
        {
            var path = Path.Combine(dir, $"transcript-{mb}mb.jsonl");
            if (!File.Exists(path) || new FileInfo(path).Length < mb * 1024 * 1024) CorpusWriter.WriteTranscript(path, mb * 1024 * 1024);
            var actualMb = new FileInfo(path).Length / (1024.0 * 1024.0);
            var r = ChildProcess.Run("measure-transcript", path);
            var seconds = double.Parse(r["seconds"], CultureInfo.InvariantCulture);
            var rss = double.Parse(r["peakRssMb"], CultureInfo.InvariantCulture);
            baseline ??= rss;
            Console.WriteLine($"| {actualMb:F0} MB | {long.Parse(r["lines"]):N0} | {long.Parse(r["turns"]):N0} | {seconds:F2} s | {actualMb / seconds:F0} MB/s | {rss:F0} MB | {rss / baseline:F2}× |");
        }
        if (!args.Contains("--keep"))
        {
            foreach (var mb in sizes) File.Delete(Path.Combine(dir, $"transcript-{mb}mb.jsonl"));
        }
        return 0;
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
