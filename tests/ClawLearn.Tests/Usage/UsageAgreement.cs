using ClawLearn.Ingest;
using ClawLearn.Tests.Support;
using ClawLearn.Usage;

namespace ClawLearn.Tests.Usage;

/// <summary>
/// Checks ClawLearn's per-session usage against ccusage's totals (from its rules, or from ccusage itself) after an
/// ingest that, like ccusage, includes archived transcripts.
/// </summary>
public static class UsageAgreement
{
    public static void Assert(LearningHarness h, Dictionary<string, CcusageRules.SessionTotals> theirs)
    {
        var state = h.Fixture.Open();
        h.Ingest(new IngestOptions { Learning = state.Config.Learning, IncludeArchived = true });
        var ours = new Dictionary<string, UsageLine>(StringComparer.Ordinal);
        foreach (var agent in state.Agents)
        {
            using var store = h.Open(agent.Id);
            var sources = store.Cursors(agent.Id).ToDictionary(c => c.SessionId, c => c.Path);
            foreach (var line in UsageReport.Build(store.Usage(agent.Id), UsageGrouping.Session).Lines)
                ours[sources[line.SessionId!].EndsWith(".sqlite", StringComparison.Ordinal) ? "sqlite:" + line.SessionId : CcusageRules.Stem(Path.GetFileName(sources[line.SessionId!]))] = line;
        }
        Xunit.Assert.True(theirs.Count >= 8, $"ccusage finds {theirs.Count} sessions");
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (session, t) in theirs)
        {
            // A session moved into the SQLite store (OpenClaw 2026.8) keeps its old file, which ccusage reads; ClawLearn
            // reads the store's copy of the same transcript.
            var key = ours.ContainsKey(session) ? session : ours.Keys.SingleOrDefault(k => k.StartsWith("sqlite:", StringComparison.Ordinal) && session.StartsWith(k[7..], StringComparison.Ordinal));
            Xunit.Assert.True(key is not null && ours.ContainsKey(key), $"session {session} is missing from our report ({string.Join(", ", ours.Keys)})");
            var o = ours[key!];
            matched.Add(key!);
            Xunit.Assert.Equal((session, t.Input, t.Output, t.CacheRead, t.CacheWrite, t.Total), (session, o.Input, o.Output, o.CacheRead, o.CacheWrite, o.Total));
            Xunit.Assert.Equal(t.Cost, o.Cost, 6);
        }
        // What ccusage does not read: SQLite-era sessions and the seed's simplified format (lines without "type").
        foreach (var extra in ours.Keys.Except(matched))
        {
            var file = Directory.EnumerateFiles(h.Fixture.Root, extra + ".jsonl*", SearchOption.AllDirectories).FirstOrDefault();
            Xunit.Assert.True(extra.StartsWith("sqlite:", StringComparison.Ordinal) || (file is not null && !File.ReadLines(file).Any(l => l.Contains("\"type\"", StringComparison.Ordinal))),
                $"{extra} is in our report but not in ccusage's");
        }
    }
}
