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

    /// <summary>
    /// The denominator: the bytes ingest reads by default through Utf8JsonReader, token by token, nothing kept:
    /// every line of every live <c>*.jsonl</c> transcript (archives end otherwise and are skipped, as ingest skips
    /// them) and every <c>event_json</c> of every agent's SQLite store.
    /// </summary>
    public static int Bare(string stateDir)
    {
        var watch = Stopwatch.StartNew();
        long tokens = 0;
        long bytes = 0;
        var buffer = new byte[1 << 20];
        var agents = Path.Combine(stateDir, "agents");
        foreach (var path in Directory.EnumerateFiles(agents, "*.jsonl", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(path);
            var start = 0;
            var end = 0;
            while (true)
            {
                var read = stream.Read(buffer, end, buffer.Length - end);
                end += read;
                bytes += read;
                int newline;
                while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
                {
                    tokens += Tokens(buffer.AsSpan(start, newline));
                    start += newline + 1;
                }
                if (read == 0) break;
                if (start == 0 && end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
        }
        foreach (var path in Directory.EnumerateFiles(agents, "openclaw-agent.sqlite", SearchOption.AllDirectories))
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            // Rowid order: the cheapest full scan; the events' UTF-8 bytes are copied into one reused buffer.
            command.CommandText = "SELECT event_json FROM transcript_events";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var length = (int)reader.GetBytes(0, 0, null, 0, 0);
                if (length > buffer.Length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
                reader.GetBytes(0, 0, buffer, 0, length);
                bytes += length;
                tokens += Tokens(buffer.AsSpan(0, length));
            }
        }
        watch.Stop();
        Report(("seconds", watch.Elapsed.TotalSeconds.ToString("F3")), ("tokens", tokens.ToString()), ("bytes", bytes.ToString()));
        return 0;
    }

    private static long Tokens(ReadOnlySpan<byte> json)
    {
        long tokens = 0;
        var reader = new Utf8JsonReader(json);
        while (reader.Read()) tokens++;
        return tokens;
    }

    /// <summary>One `clawlearn ingest` of the whole state directory into <paramref name="db"/>.</summary>
    public static int Ingest(string stateDir, string db)
    {
        var watch = Stopwatch.StartNew();
        var state = ClawLearn.StateDir.StateDirectory.Open(ClawLearn.StateDir.StateDirResolver.Resolve(stateDir, _ => null, Path.GetTempPath()));
        var results = new ClawLearn.Ingest.Ingestor(state, _ => ClawLearn.Storage.SqliteLearningStore.Open(db),
            new ClawLearn.Ingest.IngestOptions { Learning = state.Config.Learning }).Run();
        watch.Stop();
        Report(("seconds", watch.Elapsed.TotalSeconds.ToString("F3")), ("traces", results.Sum(r => r.TracesTotal).ToString()),
            ("read", results.Sum(r => r.SessionsRead).ToString()),
            ("written", results.Sum(r => r.TracesAdded + r.TracesChanged + r.TracesRemoved).ToString()));
        return 0;
    }

    /// <summary>One export of every trace and posterior of agent "main" in <paramref name="format"/>, to a byte counter.</summary>
    public static int Export(string db, string format)
    {
        var watch = Stopwatch.StartNew();
        using var store = ClawLearn.Storage.SqliteLearningStore.Open(db);
        var output = new CountingStream();
        var config = new ClawLearn.Learning.LearningConfig();
        ClawLearn.Export.LearningExporter.Write(output, store.TracesNewestFirst("main"),
            () => ClawLearn.Learning.PosteriorCalculator.Compute(store.TracesInTimeOrder("main"), store.Events("main"), config),
            new ClawLearn.Export.ExportOptions { Format = Enum.Parse<ClawLearn.Export.ExportFormat>(format, ignoreCase: true), Traces = true, Posteriors = true });
        watch.Stop();
        Report(("seconds", watch.Elapsed.TotalSeconds.ToString("F3")), ("bytes", output.Length.ToString()));
        return 0;
    }

    /// <summary>Where cold ingest time goes: discovery alone, then discovery plus reading every record.</summary>
    public static int Phases(string stateDir)
    {
        var state = ClawLearn.StateDir.StateDirectory.Open(ClawLearn.StateDir.StateDirResolver.Resolve(stateDir, _ => null, Path.GetTempPath()));
        var watch = Stopwatch.StartNew();
        var catalog = ClawLearn.Sessions.SessionDiscovery.Discover(state);
        var discovery = watch.Elapsed.TotalSeconds;
        long records = 0;
        using (var reader = new ClawLearn.Sessions.SessionReader(state.Files))
        {
            foreach (var session in catalog.Sessions)
            {
                foreach (var _ in reader.Read(session.Source, new TranscriptReadStats())) records++;
            }
        }
        Report(("discovery", discovery.ToString("F3")), ("read", (watch.Elapsed.TotalSeconds - discovery).ToString("F3")), ("records", records.ToString()));
        return 0;
    }

    /// <summary>One <c>clawlearn wiki</c> run of a state directory into a vault, at a fixed time.</summary>
    public static int Wiki(string stateDir, string vault, string now)
    {
        var watch = Stopwatch.StartNew();
        var state = ClawLearn.StateDir.StateDirectory.Open(ClawLearn.StateDir.StateDirResolver.Resolve(stateDir, _ => null, Path.GetTempPath()));
        var options = new ClawLearn.Wiki.WikiOptions(vault, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var result = new ClawLearn.Wiki.WikiBuilder(state, Path.GetTempPath(), options).Run();
        watch.Stop();
        Report(("seconds", watch.Elapsed.TotalSeconds.ToString("F3")), ("read", result.SessionsRead.ToString()), ("created", result.Created.Count.ToString()),
            ("updated", result.Updated.Count.ToString()), ("pages", result.TotalPages.ToString()));
        return 0;
    }

    public static int WikiLint(string vault)
    {
        var watch = Stopwatch.StartNew();
        var report = ClawLearn.Wiki.WikiLinter.Lint(vault);
        watch.Stop();
        Report(("seconds", watch.Elapsed.TotalSeconds.ToString("F3")), ("pages", report.PagesChecked.ToString()), ("issues", report.Issues.Count.ToString()));
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
