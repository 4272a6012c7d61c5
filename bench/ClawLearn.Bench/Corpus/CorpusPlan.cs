namespace ClawLearn.Bench.Corpus;

/// <summary>
/// Decides every session of a scale corpus from one seed: sizes from <see cref="FileSizeDistribution"/> scaled to
/// the requested total plus one runaway file, the storage era of each (a few archives, ~10% of sessions and bytes
/// in SQLite, topic and fork files, the rest plain JSONL), its agent, key, model and start time.
/// </summary>
internal sealed class CorpusPlan
{
    public const string MainAgent = "main";
    public const string ResearchAgent = "research";
    /// <summary>The 2026.9 layout: transcripts only in SQLite, no sessions.json, archives only in sessions/.</summary>
    public const string OpsAgent = "ops";

    /// <summary>Start times fall in the 90 days before this, so per-day reports have many days.</summary>
    public static readonly DateTimeOffset WindowEnd = new(2026, 9, 13, 0, 0, 0, TimeSpan.Zero);
    public const int WindowDays = 90;

    private const long MinSessionBytes = 1_500;
    private const long MaxBigFileBytes = 400L * 1024 * 1024;
    private const double SqliteShare = 0.10;

    private CorpusPlan(IReadOnlyList<PlannedSession> sessions, long totalBytes, int seed, double sizeScale)
    {
        Sessions = sessions;
        SizeScale = sizeScale;
        TotalBytes = totalBytes;
        Seed = seed;
    }

    public IReadOnlyList<PlannedSession> Sessions { get; }
    public long TotalBytes { get; }
    public int Seed { get; }

    /// <summary>What the real profile's sizes were multiplied by so the files add up to the requested total.</summary>
    public double SizeScale { get; }

    public static CorpusPlan Build(long totalBytes, int files, int seed)
    {
        if (files < 10) throw new ArgumentOutOfRangeException(nameof(files), "a scale corpus needs at least 10 files");
        var random = new Random(seed);
        var (sizes, scale) = Sizes(random, totalBytes, files);
        var eras = Eras(random, sizes, totalBytes);
        var sessions = new PlannedSession[files];
        var windowStart = WindowEnd.AddDays(-WindowDays).ToUnixTimeMilliseconds();
        // Two days of room at the end: a long session's turns stay inside the window.
        var startSpan = WindowEnd.AddDays(-2).ToUnixTimeMilliseconds() - windowStart;
        for (var i = 0; i < files; i++)
        {
            var era = eras[i];
            var agent = AgentFor(random, era);
            var kind = i == 0 ? SessionKind.Main : era switch
            {
                SessionEra.Topic => SessionKind.Topic,
                SessionEra.Fork => SessionKind.Thread,
                _ => random.Next(100) switch { < 30 => SessionKind.Direct, < 58 => SessionKind.Subagent, < 73 => SessionKind.Cron, < 90 => SessionKind.Group, _ => SessionKind.Hook },
            };
            var id = Uuid(random);
            var (key, channel, chatType, thread) = KeyFor(random, agent, kind, i, id);
            var live = era is SessionEra.Jsonl or SessionEra.Topic or SessionEra.Fork;
            sessions[i] = new PlannedSession(
                Index: i,
                Seed: unchecked(seed * 1_000_003 + i * 7_919),
                AgentId: agent,
                Era: era,
                Kind: kind,
                SessionId: id,
                Key: key,
                Channel: channel,
                ChatType: chatType,
                ThreadId: thread,
                StartMs: windowStart + (long)(random.NextDouble() * startSpan),
                TargetBytes: sizes[i],
                Model: i == 0 ? ModelInfo.All[0] : ModelInfo.Pick(random),
                // Heartbeat replies and proactive greetings: assistant turns (with usage) before any user turn.
                OpensWithAssistant: i != 0 && random.Next(100) < 2,
                // Resets and pruning leave about a fifth of live transcripts with no index entry; SQLite
                // sessions mostly keep theirs in session_nodes.
                HasIndexEntry: i == 0 || (live ? random.Next(100) < 80 : era == SessionEra.Sqlite && random.Next(100) < 90),
                FatEntry: i == 0 || random.Next(100) < 15);
        }
        return new CorpusPlan(sessions, totalBytes, seed, scale);
    }

    /// <summary>Session 0 is the runaway file (min(400 MB, a fifth of the total)); the rest share what is left.</summary>
    private static (long[] Sizes, double Scale) Sizes(Random random, long totalBytes, int files)
    {
        var big = Math.Min(MaxBigFileBytes, totalBytes / 5);
        var raw = new double[files];
        for (var i = 1; i < files; i++) raw[i] = FileSizeDistribution.Sample(random);
        var scale = (totalBytes - big) / raw.Sum();
        var sizes = new long[files];
        sizes[0] = big;
        for (var i = 1; i < files; i++) sizes[i] = Math.Max(MinSessionBytes, (long)(raw[i] * scale));
        return (sizes, scale);
    }

    private static SessionEra[] Eras(Random random, long[] sizes, long totalBytes)
    {
        var files = sizes.Length;
        var eras = new SessionEra[files];
        var order = Enumerable.Range(1, files - 1).ToArray();
        random.Shuffle(order);
        var next = 0;
        // "A few" archives, like the tombstones a few weeks of /new and deletes leave.
        var archives = Math.Clamp(files / 200, 2, 60);
        for (; next < archives; next++) eras[order[next]] = next % 2 == 0 ? SessionEra.ResetArchive : SessionEra.DeletedArchive;

        // SQLite: about 10% of the sessions holding about 10% of the bytes. The runaway file is JSONL, so the
        // SQLite sessions must be larger than the average one, and a plain random pick would miss the bytes by
        // whatever the heavy tail happens to do. So each pick aims at a log-normal draw whose mean is the bytes
        // still wanted per session still wanted, and takes the free session closest to it: the sizes keep a
        // realistic spread, and every pick corrects what the earlier ones over- or undershot.
        var candidates = order.Skip(next).OrderBy(i => sizes[i]).ThenBy(i => i).ToArray();
        var candidateSizes = candidates.Select(i => sizes[i]).ToArray();
        var taken = new bool[candidates.Length];
        var wantCount = Math.Min(candidates.Length, (int)Math.Ceiling(files * SqliteShare));
        var wantBytes = (long)(totalBytes * SqliteShare);
        long bytes = 0;
        const double sigma = 1.2;
        for (var count = 0; count < wantCount; count++)
        {
            var need = Math.Max(1.0, (double)(wantBytes - bytes) / (wantCount - count));
            var target = count == wantCount - 1 ? need : need * Math.Exp(sigma * FileSizeDistribution.StandardNormal(random) - sigma * sigma / 2);
            var pick = ClosestFree(candidateSizes, taken, (long)target);
            taken[pick] = true;
            eras[candidates[pick]] = SessionEra.Sqlite;
            bytes += candidateSizes[pick];
        }
        // Of the rest, about 3% are forum topics and 1% thread forks.
        foreach (var i in order.Skip(next))
        {
            if (eras[i] != SessionEra.Jsonl) continue;
            eras[i] = random.Next(100) switch { < 3 => SessionEra.Topic, < 4 => SessionEra.Fork, _ => SessionEra.Jsonl };
        }
        return eras;
    }

    /// <summary>The index of the free entry of <paramref name="sorted"/> nearest <paramref name="target"/>.</summary>
    private static int ClosestFree(long[] sorted, bool[] taken, long target)
    {
        var at = Array.BinarySearch(sorted, target);
        if (at < 0) at = ~at;
        int below = at - 1, above = at;
        while (below >= 0 && taken[below]) below--;
        while (above < sorted.Length && taken[above]) above++;
        if (below < 0) return above;
        if (above >= sorted.Length) return below;
        return target - sorted[below] <= sorted[above] - target ? below : above;
    }

    private static string AgentFor(Random random, SessionEra era) => era switch
    {
        SessionEra.Sqlite => random.Next(100) < 60 ? OpsAgent : MainAgent,
        SessionEra.ResetArchive or SessionEra.DeletedArchive => random.Next(2) == 0 ? OpsAgent : MainAgent,
        _ => random.Next(100) < 70 ? MainAgent : ResearchAgent,
    };

    private static (string Key, string? Channel, string ChatType, string? Thread) KeyFor(Random random, string agent, SessionKind kind, int i, string id)
    {
        var a = $"agent:{agent}";
        switch (kind)
        {
            case SessionKind.Main:
                return ($"{a}:main", "telegram", "direct", null);
            case SessionKind.Direct:
                var dm = random.Next(3) switch { 0 => "telegram", 1 => "whatsapp", _ => "discord" };
                return ($"{a}:{dm}:dm:{100_000_000 + i}", dm, "direct", null);
            case SessionKind.Group:
                return random.Next(3) switch
                {
                    0 => ($"{a}:telegram:group:-100{1_000_000_000 + i}", "telegram", "group", null),
                    1 => ($"{a}:discord:channel:{112_233_445_566_000_000L + i}", "discord", "channel", null),
                    _ => ($"{a}:slack:channel:c0{i:x6}", "slack", "channel", null),
                };
            case SessionKind.Topic:
                var thread = (1_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ($"{a}:telegram:group:-1001234567890:topic:{thread}", "telegram", "group", thread);
            case SessionKind.Thread:
                return ($"{a}:discord:channel:112233445566778899:thread:{998_000 + i}", "discord", "channel", null);
            case SessionKind.Subagent:
                return ($"{a}:subagent:{id}", null, "direct", null);
            case SessionKind.Cron:
                return ($"{a}:cron:{CronJobs[i % CronJobs.Length]}:run:{id[..8]}", null, "direct", null);
            default:
                return ($"{a}:hook:{id}", null, "direct", null);
        }
    }

    public static readonly string[] CronJobs = ["daily-brief", "inbox-triage", "backup-check", "weekly-review", "paper-digest"];

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 (Guid's byte order puts the version in byte 7)
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D");
    }
}
