using System.Collections.Concurrent;
using System.Diagnostics;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// Writes a scale corpus (a whole state directory in every storage era) from a <see cref="CorpusPlan"/>: JSONL
/// transcripts, topic and fork files and archives under <c>agents/&lt;id&gt;/sessions</c>, a <c>sessions.json</c> for
/// the JSONL-era agents, a SQLite store for the 2026.8-era sessions, and a workspace. Sessions are written in
/// parallel (largest first, so the runaway file does not finish last), each streamed through one reused line
/// buffer per thread; a SQLite store is one work item, since one connection writes it.
/// </summary>
internal static class ScaleCorpus
{
    /// <summary>Bumped whenever the output changes, and part of cached corpus directory names.</summary>
    public const string Version = "v2";

    /// <summary>Written last, with the stats: a directory without it is an interrupted run, never reused.</summary>
    public const string MarkerFile = "bench-corpus.txt";

    public static string DefaultDirectory(long sizeMb, int files, int seed) =>
        Path.Combine(Path.GetTempPath(), $"clawlearn-corpus-{Version}-{sizeMb}mb-{files}f-seed{seed}");

    public static bool IsComplete(string root) => File.Exists(Path.Combine(root, MarkerFile));

    /// <summary>Removes what a previous generation wrote under <paramref name="root"/>, and nothing else.</summary>
    public static void Clear(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var dir in new[] { "agents", "workspace", $"workspace-{CorpusPlan.ResearchAgent}", $"workspace-{CorpusPlan.OpsAgent}" })
        {
            if (Directory.Exists(Path.Combine(root, dir))) Directory.Delete(Path.Combine(root, dir), recursive: true);
        }
        File.Delete(Path.Combine(root, MarkerFile));
    }

    public static CorpusStats Write(string root, long totalBytes, int files, int seed)
    {
        var watch = Stopwatch.StartNew();
        var plan = CorpusPlan.Build(totalBytes, files, seed);
        var written = new long[files];
        var lastMs = new long[files];
        foreach (var agent in plan.Sessions.Select(s => s.AgentId).Distinct()) Directory.CreateDirectory(SessionsDir(root, agent));

        var work = new List<(long Bytes, Action<LineBuffer> Run)>();
        foreach (var s in plan.Sessions.Where(s => s.Era != SessionEra.Sqlite))
        {
            work.Add((s.TargetBytes, line =>
            {
                using var sink = new JsonlSink(Path.Combine(SessionsDir(root, s.AgentId), s.FileName!), s.TargetBytes);
                (written[s.Index], lastMs[s.Index]) = WriteSession(s, sink, line);
            }));
        }
        foreach (var store in plan.Sessions.Where(s => s.Era == SessionEra.Sqlite).GroupBy(s => s.AgentId))
            work.Add((store.Sum(s => s.TargetBytes), line => WriteStore(root, store.Key, [.. store], written, lastMs, line, seed)));

        var ordered = Partitioner.Create(work.OrderByDescending(w => w.Bytes).ToList(), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new LineBuffer(), (item, _, line) => { item.Run(line); return line; }, line => line.Dispose());

        // sessions.json for the agents that still have one (ops is the 2026.9 layout without it).
        var entries = 0;
        long indexBytes = 0;
        foreach (var agent in new[] { CorpusPlan.MainAgent, CorpusPlan.ResearchAgent })
        {
            var indexed = plan.Sessions.Where(s => s.AgentId == agent && s.HasIndexEntry && s.FileName is not null && !s.IsArchive).ToList();
            var path = Path.Combine(SessionsDir(root, agent), "sessions.json");
            SessionIndexWriter.Write(path, indexed, s => lastMs[s.Index], unchecked(seed * 31 + agent.Length));
            entries += indexed.Count;
            indexBytes += new FileInfo(path).Length;
        }
        WorkspaceWriter.Write(root);

        long Sum(Func<PlannedSession, bool> which) => plan.Sessions.Where(which).Sum(s => written[s.Index]);
        bool Live(PlannedSession s) => s.Era is SessionEra.Jsonl or SessionEra.Topic or SessionEra.Fork;
        var stats = new CorpusStats(
            Seed: seed,
            RequestedBytes: totalBytes,
            SizeScale: plan.SizeScale,
            SessionBytes: written,
            JsonlFiles: plan.Sessions.Count(Live),
            JsonlBytes: Sum(Live),
            TopicFiles: plan.Sessions.Count(s => s.Era == SessionEra.Topic),
            ForkFiles: plan.Sessions.Count(s => s.Era == SessionEra.Fork),
            ArchivedFiles: plan.Sessions.Count(s => s.IsArchive),
            ArchivedBytes: Sum(s => s.IsArchive),
            SqliteSessions: plan.Sessions.Count(s => s.Era == SessionEra.Sqlite),
            SqliteEventBytes: Sum(s => s.Era == SessionEra.Sqlite),
            SqliteFileBytes: Directory.EnumerateFiles(Path.Combine(root, "agents"), "openclaw-agent.sqlite*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length),
            IndexEntries: entries,
            IndexBytes: indexBytes,
            OpeningWithAssistant: plan.Sessions.Count(s => s.OpensWithAssistant),
            SessionsPerAgent: plan.Sessions.GroupBy(s => s.AgentId).ToDictionary(g => g.Key, g => g.Count()),
            Seconds: watch.Elapsed.TotalSeconds);
        using (var marker = new StreamWriter(Path.Combine(root, MarkerFile))) stats.Print(marker);
        return stats;
    }

    private static (long Bytes, long LastMs) WriteSession(PlannedSession s, IEventSink sink, LineBuffer line)
    {
        var script = new TranscriptScript(s, sink, line);
        script.Run();
        return (sink.Written, script.LastTimestampMs);
    }

    private static void WriteStore(string root, string agent, List<PlannedSession> sessions, long[] written, long[] lastMs, LineBuffer line, int seed)
    {
        var random = new Random(unchecked(seed * 17 + agent.Length));
        using var store = new AgentSqliteStore(Path.Combine(root, "agents", agent, "agent", "openclaw-agent.sqlite"));
        foreach (var s in sessions)
        {
            (written[s.Index], lastMs[s.Index]) = WriteSession(s, store.Session(s.SessionId), line);
            store.AddWindow(s, s.StartMs, lastMs[s.Index]);
            if (s.HasIndexEntry) store.AddNode(s, SessionEntryWriter.ToJson(s, lastMs[s.Index], random), lastMs[s.Index]);
        }
    }

    private static string SessionsDir(string root, string agent) => Path.Combine(root, "agents", agent, "sessions");
}
