using System.Diagnostics;
using System.Text.Json;
using ClawLearn.Sessions;
using ClawLearn.Transcripts;

namespace ClawLearn.Bench;

/// <summary>The child-process side: does one piece of work and prints "key=value" figures, peak RSS included.</summary>
internal static class Measure
{
    public static int Transcript(string path)
    {
        var watch = Stopwatch.StartNew();
        var stats = new TranscriptReadStats();
        using var stream = File.OpenRead(path);
        long textChars = 0;
        foreach (var record in JsonlTranscriptReader.Read(stream, stats))
        {
            if (record is Turn turn) textChars += turn.Text.Length;
        }
        watch.Stop();
        Report(("seconds", watch.Elapsed.TotalSeconds.ToString("F3")), ("lines", stats.Lines.ToString()), ("turns", stats.Turns.ToString()),
            ("skipped", stats.SkippedTotal.ToString()), ("chars", textChars.ToString()));
        return 0;
    }

    public static int Index(string mode, string path)
    {
        var watch = Stopwatch.StartNew();
        int entries;
        if (mode == "stream")
        {
            entries = SessionIndexReader.Read(path, "main", new ClawLearn.StateDir.SafeFileAccess(Path.GetDirectoryName(path)!)).Entries.Count;
        }
        else
        {
            // The naive way, for contrast: the whole file as one DOM.
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            entries = document.RootElement.EnumerateObject().Count();
        }
        watch.Stop();
        Report(("seconds", watch.Elapsed.TotalSeconds.ToString("F3")), ("entries", entries.ToString()));
        return 0;
    }

    private static void Report(params (string Key, string Value)[] figures)
    {
        foreach (var (key, value) in figures) Console.WriteLine($"{key}={value}");
        Console.WriteLine($"peakRssMb={PeakRssMb():F1}");
    }

    /// <summary>VmHWM: the process's peak resident set, from the kernel.</summary>
    public static double PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0]) / 1024.0;
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
