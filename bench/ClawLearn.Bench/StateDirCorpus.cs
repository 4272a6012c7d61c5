namespace ClawLearn.Bench;

/// <summary>
/// Generates a state directory of real-format transcripts for ingest benchmarks: <c>files</c> sessions whose sizes
/// follow a log-normal shape (median near 100 KB, a long tail) plus one large file, scaled to <c>totalBytes</c>,
/// and a workspace with bootstrap files, a MEMORY.md and daily notes. Deterministic for a seed.
/// </summary>
internal static class StateDirCorpus
{
    public static void Write(string root, long totalBytes, int files, int seed = 42)
    {
        var sessions = Path.Combine(root, "agents", "main", "sessions");
        Directory.CreateDirectory(sessions);
        var random = new Random(seed);
        var weights = Enumerable.Range(0, files).Select(_ => Math.Exp(random.NextDouble() * 2.4 - 1.2 + Gaussian(random) * 0.9)).ToArray();
        var bigFile = totalBytes / 10; // one file holds a tenth of the corpus (a runaway abort/retry loop)
        var scale = (totalBytes - bigFile) / weights.Sum();
        for (var i = 0; i < files; i++)
        {
            var size = i == 0 ? bigFile : (long)Math.Max(2_000, weights[i] * scale);
            var id = $"{new Guid(i, 0, 0, new byte[8]):D}";
            CorpusWriter.WriteTranscript(Path.Combine(sessions, $"{id}.jsonl"), size, seed + i, id);
        }
        var workspace = Path.Combine(root, "workspace");
        Directory.CreateDirectory(Path.Combine(workspace, "memory"));
        File.WriteAllText(Path.Combine(workspace, "AGENTS.md"), "# AGENTS.md\n\nRead MEMORY.md and today's note first.\n");
        File.WriteAllText(Path.Combine(workspace, "SOUL.md"), "# SOUL.md\n\nPractical and terse.\n");
        File.WriteAllText(Path.Combine(workspace, "MEMORY.md"), "# Memory\n\n## Projects\n### zigbee\n- Answer pinned to channel 25 per MEMORY.md is the rule.\n\n## Lessons\n- Always check the logs before changing any code at all.\n");
        for (var day = 1; day <= 28; day++)
            File.WriteAllText(Path.Combine(workspace, "memory", $"2026-01-{day:00}.md"), $"# 2026-01-{day:00}\n\n- Question {day}: what did we decide about the Zigbee channel?\n");
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
