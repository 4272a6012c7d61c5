using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ClawLearn.Learning;
using ClawLearn.Sessions;
using ClawLearn.Workspace;

namespace ClawLearn.Runs;

/// <summary>
/// Builds an agent's traces from its run facts (trace-contract 5 and 6). Runs are taken in time order
/// (timestamp, then trace id), because what a run "had" depends on history: a tool or skill is known from its
/// first use onward. Runs with no assistant turn produce no trace; runs with no time at all are counted and skipped.
/// </summary>
public sealed class TraceBuilder(AgentInventory inventory, LearningConfig config)
{
    /// <summary>
    /// The traces (made lazily, as they are consumed), the runs skipped, and <see cref="CostKey"/>: a digest of the
    /// component costs taken from session reports, which every trace's arms carry.
    /// </summary>
    public sealed class Result(int skippedNoTime, int pending, string costKey, Func<long?, IEnumerable<RunTrace>> tracesFrom)
    {
        public int SkippedNoTime => skippedNoTime;
        public int Pending => pending;
        public string CostKey => costKey;
        public IEnumerable<RunTrace> Traces => tracesFrom(null);

        /// <summary>Only the traces at or after <paramref name="fromTimestamp"/> (all of them for null).</summary>
        public IEnumerable<RunTrace> TracesFrom(long? fromTimestamp) => tracesFrom(fromTimestamp);
    }

    /// <summary>Prepares the traces of <paramref name="facts"/>: all of an agent's runs, since what a run had depends on the runs before it.</summary>
    public Result Build(IEnumerable<RunFacts> facts, Func<string, SessionMeta?> sessions)
    {
        var timed = new List<(RunFacts Facts, long Timestamp)>();
        int noTime = 0, pending = 0;
        foreach (var f in facts)
        {
            if (!f.HasAssistant) { pending++; continue; }
            if (f.Timestamp is not { } ts) { noTime++; continue; }
            timed.Add((f, ts));
        }
        var ids = InParallel(timed.Count, i => TraceIds.TraceId(timed[i].Facts.AgentId, timed[i].Facts.SessionId, timed[i].Facts.UserIndex));
        var runs = timed.Select((r, i) => (r.Facts, TraceId: ids[i], r.Timestamp)).ToList();
        runs.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : string.CompareOrdinal(a.TraceId, b.TraceId));

        var sessionIds = runs.Select(r => r.Facts.SessionId).Distinct().ToList();
        var toolCosts = ReportCosts(sessions, sessionIds, r => r.ToolSchemaChars, zeroIsUnknown: false);
        var skillCosts = ReportCosts(sessions, sessionIds, r => r.SkillChars, zeroIsUnknown: true);
        // Each known tool and skill with its arm id and agent-wide cost, made once: a run offers every one known so far, so
        // building the id (or looking up the cost) per run would make millions of identical strings (or lookups).
        var knownTools = new KnownArms(ArmId.Tool, tool => toolCosts.TryGetValue(tool, out var known) ? known : config.ToolTokenEstimate);
        var knownSkills = new KnownArms(ArmId.Skill, skill => skillCosts.TryGetValue(skill, out var cost) ? cost : config.SkillTokenEstimate);
        var sessionsSeen = new HashSet<string>(StringComparer.Ordinal);
        var metas = new SessionMeta?[runs.Count];
        var known = new (int Tools, int Skills)[runs.Count];
        for (var r = 0; r < runs.Count; r++)
        {
            var f = runs[r].Facts;
            var meta = sessions(f.SessionId);
            if (sessionsSeen.Add(f.SessionId) && meta?.Report is { } report)
                foreach (var skill in report.SkillChars.Keys.Order(StringComparer.Ordinal)) knownSkills.Add(skill);
            foreach (var tool in f.ToolsCalled) knownTools.Add(tool);
            foreach (var skill in f.SkillsReferenced) knownSkills.Add(skill);
            (metas[r], known[r]) = (meta, (knownTools.Count, knownSkills.Count));
        }
        // What a run had depends on history only through the tools and skills known by then, a prefix of the final
        // lists (they only grow): with that recorded, the traces themselves are independent and built in parallel.
        IEnumerable<RunTrace> TracesFrom(long? fromTimestamp)
        {
            var first = fromTimestamp is { } from ? runs.FindIndex(r => r.Timestamp >= from) : 0;
            if (first < 0) first = runs.Count;
            return InParallelChunks(runs.Count - first, i => Trace(runs[first + i].Facts, runs[first + i].TraceId, runs[first + i].Timestamp,
                metas[first + i], knownTools.First(known[first + i].Tools), knownSkills.First(known[first + i].Skills)));
        }
        return new Result(noTime, pending, CostKey(toolCosts, skillCosts), TracesFrom);
    }

    // Traces are made as they are consumed, a chunk at a time on every core: a run can offer a hundred arms or more
    // (every skill known so far), so an agent's traces held at once would take hundreds of megabytes.
    private const int TraceChunk = 256;

    private static IEnumerable<T> InParallelChunks<T>(int count, Func<int, T> make)
    {
        for (var start = 0; start < count; start += TraceChunk)
        {
            var first = start;
            foreach (var item in InParallel(Math.Min(TraceChunk, count - first), i => make(first + i))) yield return item;
        }
    }

    private static T[] InParallel<T>(int count, Func<int, T> make)
    {
        var results = new T[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = make(i));
        return results;
    }

    // Hot in every sync (every trace): compiled optimised at once; left to the tiered JIT it ran unoptimised through much of a cold ingest.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RunTrace Trace(RunFacts f, string traceId, long timestamp, SessionMeta? meta, ReadOnlySpan<KnownArm> tools, ReadOnlySpan<KnownArm> skills)
    {
        var subagent = meta?.IsSubagent == true;
        // Sized once: at most every tool, skill, bootstrap file, MEMORY.md section and the two daily notes.
        var arms = new List<ArmOutcome>(tools.Length + skills.Length + inventory.BootstrapFiles.Count
            + (subagent ? 0 : inventory.MemorySections.Count + 2));
        // The session's own report gives a tool's cost; else the agent-wide one. Most runs reference no skill and no
        // MEMORY.md section, and a hundred arms are looked up in nothing then.
        var reportTools = meta?.Report?.ToolSchemaChars is { Count: > 0 } report ? report : null;
        // Every known tool is looked up in the run's calls: a run of thousands of distinct calls made that a square.
        var called = f.ToolsCalled.Count > RunCollector.ManyNames ? f.ToolsCalled.ToHashSet(StringComparer.Ordinal) : null;
        foreach (var (tool, armId, cost) in tools)
        {
            var ownCost = reportTools is not null && reportTools.TryGetValue(tool, out var chars) ? Ceil4(chars) : cost;
            arms.Add(new ArmOutcome(armId, true, called?.Contains(tool) ?? f.ToolsCalled.Contains(tool), ownCost));
        }
        var skillsReferenced = f.SkillsReferenced.Count > 0;
        foreach (var (skill, armId, cost) in skills) arms.Add(new ArmOutcome(armId, true, skillsReferenced && f.SkillsReferenced.Contains(skill), cost));

        long promptChars = 0;
        foreach (var file in inventory.BootstrapFiles)
        {
            if (subagent && !BootstrapFileNames.IsSubagentFile(file.Name)) continue;
            arms.Add(new ArmOutcome(file.ArmId, true, f.FilesReferenced.Contains(file.Name), Ceil4(file.Content.InjectedChars)));
            promptChars += file.Content.InjectedChars;
        }
        if (!subagent)
        {
            var memoryReferenced = f.MemoryReferenced.Count > 0;
            foreach (var section in inventory.MemorySections)
            {
                arms.Add(new ArmOutcome(section.ArmId, !section.HiddenByTruncation, memoryReferenced && f.MemoryReferenced.Contains(section.ArmId),
                    section.TokenCost));
            }
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(timestamp).UtcDateTime);
            foreach (var date in new[] { day.AddDays(-1), day })
            {
                if (!inventory.DailyNoteChars.TryGetValue(date, out var chars)) continue;
                var id = ArmId.DailyNote(date);
                arms.Add(new ArmOutcome(id, true, f.MemoryReferenced.Contains(id), Ceil4(chars)));
            }
        }

        // As a pair: the run's last assistant turn that names them, else the latest model_change before the run,
        // else the session index (or session_windows).
        var (provider, model) = f.Provider is not null || f.Model is not null ? (f.Provider, f.Model)
            : f.PriorProvider is not null || f.PriorModel is not null ? (f.PriorProvider, f.PriorModel)
            : (meta?.FallbackProvider, meta?.FallbackModel);
        long? duration = f.LastTimeMs is { } last && f.UserTimeMs is { } start && last >= start ? last - start : null;
        return new RunTrace(traceId, TraceIds.RunId(f.AgentId, f.SessionId, f.UserIndex), f.SessionId, meta?.SessionKey, timestamp,
            provider, model, meta?.Channel, IsBaseline: true, new TraceContext(meta?.SessionKey, meta?.Channel, provider, model),
            arms, f.Usage, duration, promptChars, f.Aborted, f.Error);
    }

    // A component's cost from any session report of the agent that lists it (the first session by id, for
    // determinism). A skill size of 0 means unknown (skillsSnapshot lists names only); a tool schema of 0 is real.
    private static Dictionary<string, int> ReportCosts(Func<string, SessionMeta?> sessions, IEnumerable<string> sessionIds,
        Func<PromptReport, IReadOnlyDictionary<string, int>> sizes, bool zeroIsUnknown)
    {
        var costs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in sessionIds.Order(StringComparer.Ordinal))
        {
            if (sessions(id)?.Report is not { } report) continue;
            foreach (var (name, chars) in sizes(report))
            {
                if (chars > 0 || !zeroIsUnknown) costs.TryAdd(name, Ceil4(chars));
            }
        }
        return costs;
    }

    private static string CostKey(Dictionary<string, int> toolCosts, Dictionary<string, int> skillCosts)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, cost) in toolCosts.OrderBy(c => c.Key, StringComparer.Ordinal)) text.Append("t\n").Append(name).Append('\n').Append(cost).Append('\n');
        foreach (var (name, cost) in skillCosts.OrderBy(c => c.Key, StringComparer.Ordinal)) text.Append("s\n").Append(name).Append('\n').Append(cost).Append('\n');
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A known tool or skill: its name, arm id and token cost (unless a session's report says otherwise).</summary>
    private readonly record struct KnownArm(string Name, string ArmId, int Cost);

    /// <summary>Tools (or skills) in the order they became known, each with its arm id and cost.</summary>
    private sealed class KnownArms(Func<string, string> armId, Func<string, int> cost)
    {
        private readonly List<KnownArm> _list = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public int Count => _list.Count;

        public void Add(string name)
        {
            if (_names.Add(name)) _list.Add(new KnownArm(name, armId(name), cost(name)));
        }

        /// <summary>The first <paramref name="count"/> known (the list only grows, so they stay as they are).</summary>
        public ReadOnlySpan<KnownArm> First(int count) => CollectionsMarshal.AsSpan(_list)[..count];
    }

    private static int Ceil4(long chars) => (int)((chars + 3) / 4);
}
