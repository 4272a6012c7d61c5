using System.Globalization;

namespace ClawLearn.Bench.Corpus;

/// <summary>What a generated corpus holds, measured from what was written: size quantiles and each era's share.</summary>
internal sealed record CorpusStats(
    int Seed,
    long RequestedBytes,
    double SizeScale,
    long[] SessionBytes,
    int JsonlFiles,
    long JsonlBytes,
    int TopicFiles,
    int ForkFiles,
    int ArchivedFiles,
    long ArchivedBytes,
    int SqliteSessions,
    long SqliteEventBytes,
    long SqliteFileBytes,
    int IndexEntries,
    long IndexBytes,
    int OpeningWithAssistant,
    IReadOnlyDictionary<string, int> SessionsPerAgent,
    double Seconds)
{
    /// <summary>The bytes ingest reads by default: live JSONL lines and SQLite <c>event_json</c> (not archives).</summary>
    public long IngestBytes => JsonlBytes + SqliteEventBytes;

    public long TotalBytes => JsonlBytes + ArchivedBytes + SqliteEventBytes;

    public long Quantile(double q)
    {
        var sorted = SessionBytes.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public void Print(TextWriter output)
    {
        static string Mb(long b) => (b / (1024.0 * 1024.0)).ToString("N1", CultureInfo.InvariantCulture) + " MB";
        static string Kb(long b) => b >= 1024 * 1024 ? Mb(b) : (b / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB";
        var n = SessionBytes.Length;
        output.WriteLine(FormattableString.Invariant($"corpus {ScaleCorpus.Version}, seed {Seed}: {n:N0} transcripts, {Mb(TotalBytes)} (asked {Mb(RequestedBytes)}), generated in {Seconds:F1} s"));
        output.WriteLine(FormattableString.Invariant($"  sizes: the real profile (p50 100 KB, p90 650 KB, p99 5 MB) × {SizeScale:F2} to fit the total, plus one runaway file"));
        output.WriteLine($"  transcript sizes: p50 {Kb(Quantile(0.50))}, p75 {Kb(Quantile(0.75))}, p90 {Kb(Quantile(0.90))}, p95 {Kb(Quantile(0.95))}, p99 {Kb(Quantile(0.99))}, max {Kb(SessionBytes.Max())}");
        output.WriteLine(FormattableString.Invariant($"  JSONL: {JsonlFiles:N0} live files ({TopicFiles:N0} topic, {ForkFiles:N0} fork), {Mb(JsonlBytes)}; archived: {ArchivedFiles:N0} reset/deleted files, {Mb(ArchivedBytes)}"));
        output.WriteLine(FormattableString.Invariant($"  SQLite: {SqliteSessions:N0} sessions ({100.0 * SqliteSessions / n:F1}%), {Mb(SqliteEventBytes)} of event_json ({100.0 * SqliteEventBytes / TotalBytes:F1}%), {Mb(SqliteFileBytes)} on disk"));
        output.WriteLine(FormattableString.Invariant($"  sessions.json: {IndexEntries:N0} entries, {Mb(IndexBytes)}; {OpeningWithAssistant:N0} sessions open with assistant turns"));
        output.WriteLine($"  agents: {string.Join(", ", SessionsPerAgent.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => FormattableString.Invariant($"{p.Key} {p.Value:N0}")))}");
        output.WriteLine(FormattableString.Invariant($"  ingest reads {Mb(IngestBytes)} (live JSONL lines + SQLite event_json)"));
    }
}
