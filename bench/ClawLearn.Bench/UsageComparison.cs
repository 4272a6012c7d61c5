using System.Text.Json;

namespace ClawLearn.Bench;

/// <summary>
/// Per-session totals of <c>ccusage openclaw session --json</c> against <c>clawlearn usage --json</c>. A JSONL
/// session is keyed by its file name up to ".jsonl" on both sides (ccusage's sessionId, the stem of clawlearn's
/// <c>source</c>), so a session's archives add up under its stem on both. A session clawlearn read from a SQLite
/// store (<c>source</c> ends in .sqlite) is keyed by its session id, which is also ccusage's key for the sessions it
/// reads from a store (ccusage 20.0.24 reads <c>transcript_events</c>). A ccusage stem matching no key of ours but
/// starting with the id of one of our store sessions is the old transcript of a session that moved into the store
/// (<c>&lt;id&gt;-topic-N.jsonl</c>): when ccusage lists the store session too, it counts that session twice, and the
/// copy is set aside (and checked against ours); otherwise the stem is matched to the store session.
/// </summary>
internal sealed class UsageComparison
{
    private readonly List<string> _differences = [];

    public int Compared { get; private set; }
    public int Agreeing { get; private set; }
    public int Differing => _differences.Count;
    /// <summary>ccusage sessions matched to one of ours read from SQLite by prefix rather than by equal id.</summary>
    public int PrefixMatched { get; private set; }
    /// <summary>Old transcripts of store sessions that ccusage lists besides the store session itself, so counts twice.</summary>
    public int CcusageCopies { get; private set; }
    /// <summary>Of <see cref="CcusageCopies"/>, those whose totals equal the store session's (the session did not grow after moving).</summary>
    public int CcusageCopiesEqual { get; private set; }
    /// <summary>ccusage's totals less the copies it counts twice: what <see cref="OurTotals"/> should equal.</summary>
    public UsageTotals CcusageTotalsWithoutCopies { get; private set; } = UsageTotals.Zero;
    /// <summary>Sessions only clawlearn lists, all of whose counts are zero: ccusage drops all-zero entries, so it never lists them.</summary>
    public int OursOnlyZero { get; private set; }
    public UsageTotals CcusageTotals { get; private set; } = UsageTotals.Zero;
    public UsageTotals OurTotals { get; private set; } = UsageTotals.Zero;
    public IReadOnlyList<string> Differences => _differences;

    public static UsageComparison Of(string ccusageJsonPath, string ourJsonPath)
    {
        using var ccusage = JsonDocument.Parse(File.ReadAllBytes(ccusageJsonPath));
        using var ours = JsonDocument.Parse(File.ReadAllBytes(ourJsonPath));
        var result = new UsageComparison
        {
            CcusageTotals = UsageTotals.Of(ccusage.RootElement.GetProperty("totals")),
            OurTotals = UsageTotals.Of(ours.RootElement.GetProperty("totals")),
        };
        var our = new Dictionary<string, Side>(StringComparer.Ordinal);
        var sqliteIds = new List<string>();
        foreach (var session in ours.RootElement.GetProperty("sessions").EnumerateArray())
        {
            var source = session.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "";
            var fromStore = source.EndsWith(".sqlite", StringComparison.Ordinal);
            var key = fromStore ? session.GetProperty("sessionId").GetString()! : Stem(Path.GetFileName(source));
            if (fromStore) sqliteIds.Add(key);
            Add(our, key, session, $"{session.GetProperty("agentId").GetString()}:{source}");
        }
        var theirs = new Dictionary<string, Side>(StringComparer.Ordinal);
        var sessions = ccusage.RootElement.GetProperty("sessions").EnumerateArray().ToList();
        var listed = sessions.Select(s => s.GetProperty("sessionId").GetString()!).ToHashSet(StringComparer.Ordinal);
        var copies = UsageTotals.Zero;
        foreach (var session in sessions)
        {
            var id = session.GetProperty("sessionId").GetString()!;
            var key = id;
            if (!our.ContainsKey(id) && sqliteIds.Where(s => id.StartsWith(s, StringComparison.Ordinal)).MaxBy(s => s.Length) is { } store)
            {
                if (listed.Contains(store))
                {
                    result.CcusageCopies++;
                    if (UsageTotals.Of(session).Agrees(our[store].Totals)) result.CcusageCopiesEqual++;
                    copies = copies.Plus(UsageTotals.Of(session));
                    continue;
                }
                key = store;
                result.PrefixMatched++;
            }
            Add(theirs, key, session, id);
        }
        result.CcusageTotalsWithoutCopies = result.CcusageTotals.Plus(copies.Negated());
        foreach (var key in our.Keys.Union(theirs.Keys).Order(StringComparer.Ordinal))
        {
            var (mine, other) = (our.GetValueOrDefault(key), theirs.GetValueOrDefault(key));
            if (other is null && mine!.Totals.IsZero)
            {
                result.OursOnlyZero++;
                continue;
            }
            result.Compared++;
            var (a, b) = (mine?.Totals ?? UsageTotals.Zero, other?.Totals ?? UsageTotals.Zero);
            if (a.Agrees(b))
            {
                result.Agreeing++;
                continue;
            }
            result._differences.Add($"{key}: clawlearn [{string.Join(", ", mine?.Sources ?? ["absent"])}] {a}\n" +
                $"    ccusage [{string.Join(", ", other?.Sources ?? ["absent"])}] {b}\n" +
                $"    clawlearn − ccusage: input {a.Input - b.Input:N0}, output {a.Output - b.Output:N0}, cacheCreation {a.CacheCreation - b.CacheCreation:N0}, " +
                $"cacheRead {a.CacheRead - b.CacheRead:N0}, total {a.Total - b.Total:N0}, cost {a.Cost - b.Cost:F6}");
        }
        return result;
    }

    public static string Stem(string fileName)
    {
        var index = fileName.IndexOf(".jsonl", StringComparison.Ordinal);
        return index > 0 ? fileName[..index] : fileName;
    }

    private static void Add(Dictionary<string, Side> sides, string key, JsonElement session, string source)
    {
        if (!sides.TryGetValue(key, out var side)) sides[key] = side = new Side();
        side.Totals = side.Totals.Plus(UsageTotals.Of(session));
        side.Sources.Add(source);
    }

    private sealed class Side
    {
        public UsageTotals Totals = UsageTotals.Zero;
        public readonly List<string> Sources = [];
    }
}
