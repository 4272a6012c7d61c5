using ClawLearn.Runs;
using ClawLearn.Sessions;
using ClawLearn.Transcripts;

namespace ClawLearn.Wiki;

/// <summary>
/// Reads one session, line by line, into <see cref="SessionFacts"/>. Runs, tokens, tools, skills and references come
/// from the same <see cref="RunCollector"/> ingest uses (trace-contract 5 and 6), so the wiki's counts agree with
/// <c>clawlearn status</c>; projects named and conclusions come from a <see cref="ConversationObserver"/> alongside. A
/// session works on a project when it names the project or when its runs used the project's MEMORY.md subsection.
/// </summary>
public sealed class SessionExtractor(SessionReader reader, ReferenceTargets targets, ProjectMatcher projects, string contextFingerprint)
{
    /// <summary>Extracts a session; <paramref name="problem"/> says why reading stopped early, if it did.</summary>
    public SessionFacts Extract(WikiSource source, out string? problem)
    {
        var info = source.Session ?? throw new ArgumentException("not a session source", nameof(source));
        var stats = new TranscriptReadStats();
        var collector = new RunCollector(info.AgentId, info.SessionId, targets);
        var observer = new ConversationObserver(projects);
        problem = null;
        try
        {
            foreach (var (record, position) in reader.ReadPositioned(info.Source, stats))
            {
                collector.Add(record, position);
                observer.Add(record);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A live gateway may rotate a file mid-read; what was read so far still counts.
            problem = $"reading stopped after {stats.Lines} lines: {e.Message}";
        }
        var (finished, last) = collector.Complete();
        var runs = finished.ToList();
        if (last is { HasAssistant: true }) runs.Add(last);
        var conclusions = observer.Complete();
        var memoryReferenced = Counts(runs, r => r.MemoryReferenced);
        var projectSlugs = observer.Projects.Concat(memoryReferenced.Keys.Select(projects.OfMemoryArm).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sessionMonth = stats.FirstTimestampMs is { } first ? WikiDates.Month(first) : "undated";
        string MonthOf(RunFacts r) => r.Timestamp is { } ts ? WikiDates.Month(ts) : sessionMonth;

        return new SessionFacts(source.Key, source.Ref, info.AgentId, info.SessionId, info.Source.Path, info.Source.Bytes,
            info.Source.ModifiedTicks, info.Source.EventCount, contextFingerprint, stats.FirstTimestampMs, stats.LastTimestampMs,
            runs.Count, Saturating.Sum(runs, r => r.Usage?.Total ?? 0),
            Usage(runs, r => r.ToolsCalled, MonthOf), Usage(runs, r => r.SkillsReferenced, MonthOf),
            Counts(runs, r => r.FilesReferenced), memoryReferenced, projectSlugs,
            projectSlugs.Count > 0 ? conclusions : [], SessionLabels.From(info));
    }

    private static List<UsageCount> Usage(List<RunFacts> runs, Func<RunFacts, IReadOnlyList<string>> names, Func<RunFacts, string> month) =>
        runs.SelectMany(r => names(r).Distinct().Select(n => (Name: n, Month: month(r))))
            .GroupBy(x => x)
            .Select(g => new UsageCount(g.Key.Name, g.Key.Month, g.Count()))
            .OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Month, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, int> Counts(List<RunFacts> runs, Func<RunFacts, IReadOnlyList<string>> names) =>
        runs.SelectMany(r => names(r).Distinct())
            .GroupBy(n => n, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
