using System.Globalization;

namespace ClawLearn.Bench;

/// <summary>
/// Exports at scale: a store of many traces written as JSON, CSV and NDJSON, each in its own process, with time,
/// output size and peak RSS. Memory must stay flat: traces stream from the store, posteriors are one row per arm.
/// </summary>
internal static class ExportBenchmark
{
    public static int Run(string[] args)
    {
        var traces = int.Parse(StreamingBenchmark.Option(args, "--traces", "1000000"), CultureInfo.InvariantCulture);
        var dir = StreamingBenchmark.Option(args, "--dir", Path.Combine(Path.GetTempPath(), "clawlearn-bench"));
        Directory.CreateDirectory(dir);
        var store = ServeLoadBenchmark.StorePath(dir, traces); // the same generated store as the API load benchmark
        if (!File.Exists(store)) ServeLoadBenchmark.Generate(store, traces);
        Console.WriteLine($"# Export of {traces:N0} traces ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine();
        Console.WriteLine("| format | time | output | throughput | peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var format in new[] { "json", "csv", "ndjson" })
        {
            var r = ChildProcess.Run("measure-export", store, format);
            var seconds = double.Parse(r["seconds"], CultureInfo.InvariantCulture);
            var mb = long.Parse(r["bytes"], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
            Console.WriteLine($"| {format} | {seconds:F1} s | {mb:N0} MB | {traces / seconds:N0} traces/s, {mb / seconds:N0} MB/s | {r["peakRssMb"]} MB |");
        }
        return 0;
    }
}
