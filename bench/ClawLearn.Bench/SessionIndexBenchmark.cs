using System.Globalization;

namespace ClawLearn.Bench;

/// <summary>A 40 MB sessions.json of ~100 KB entries: streamed entry by entry, against one whole-file DOM.</summary>
internal static class SessionIndexBenchmark
{
    public static int Run(string[] args)
    {
        var mb = long.Parse(StreamingBenchmark.Option(args, "--mb", "40"), CultureInfo.InvariantCulture);
        var dir = Path.Combine(Path.GetTempPath(), "clawlearn-bench");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"sessions-{mb}mb.json");
        CorpusWriter.WriteSessionIndex(path, mb * 1024 * 1024);
        Console.WriteLine($"# sessions.json of {new FileInfo(path).Length / (1024.0 * 1024.0):F0} MB (entries with ~100 KB systemPromptReport)");
        Console.WriteLine();
        Console.WriteLine("| reader | entries | time | peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var mode in new[] { "stream", "dom" })
        {
            var r = ChildProcess.Run("measure-index", mode, path);
            Console.WriteLine($"| {(mode == "stream" ? "ClawLearn (streamed)" : "whole-file JsonDocument")} | {int.Parse(r["entries"]):N0} | {double.Parse(r["seconds"], CultureInfo.InvariantCulture):F2} s | {double.Parse(r["peakRssMb"], CultureInfo.InvariantCulture):F0} MB |");
        }
        File.Delete(path);
        return 0;
    }
}
