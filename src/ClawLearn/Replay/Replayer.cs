using ClawLearn.Learning;
using ClawLearn.Selection;

namespace ClawLearn.Replay;

/// <summary>
/// Replays an agent's history in time order under several policies. Before each historical run a policy selects,
/// from the arms that run had, using only what it learned from earlier runs; then it observes the run's known
/// outcome for the arms it kept (as a live deployment would: a left-out arm teaches nothing). Savings are the
/// tokens of the arms left out; a miss is a left-out arm the run actually used. Manual rewards and resets take
/// part at their timestamps. Memory is per arm and window, whatever the number of runs.
/// </summary>
public sealed class Replayer
{
    private readonly ReplayOptions _options;
    private readonly List<PolicyRun> _policies;
    private readonly long _totalRuns;
    private long _runIndex;

    public Replayer(ReplayOptions options, long totalRuns)
    {
        _options = options with { Windows = Math.Max(1, options.Windows) };
        _totalRuns = Math.Max(1, totalRuns);
        _policies = _options.Policies.Select((p, i) => new PolicyRun(p, _options, new Random(_options.Seed + 7919 * i))).ToList();
    }

    public void Apply(LearningEvent e)
    {
        foreach (var policy in _policies) policy.Apply(e);
    }

    public void Apply(RunTrace trace)
    {
        var window = (int)Math.Min(_options.Windows - 1, _runIndex * _options.Windows / _totalRuns);
        var phasedIn = _runIndex >= _options.PhaseInAfter;
        foreach (var policy in _policies) policy.Apply(trace, window, phasedIn);
        _runIndex++;
    }

    public static ReplayReport Run(string agentId, IEnumerable<RunTrace> tracesInOrder, long totalRuns, IEnumerable<LearningEvent> events, ReplayOptions options)
    {
        var replayer = new Replayer(options, totalRuns);
        TimeOrder.Apply(tracesInOrder, events, replayer.Apply, replayer.Apply);
        return replayer.Report(agentId);
    }

    public ReplayReport Report(string agentId) => new(agentId, _options.Learning.TokenBudget, _options.PhaseInAfter,
        _options.Learning.DecayHalfLifeDays, _options.PartitionBy.ToString().ToLowerInvariant(), _runIndex, _policies.Select(p => p.Report()).ToList());

    private sealed class PolicyRun(ReplayPolicy policy, ReplayOptions options, Random random)
    {
        private readonly Dictionary<string, ArmBeliefs> _partitions = new(StringComparer.Ordinal);
        private readonly List<LearningEvent> _events = [];
        private readonly SelectionOptions _selection = SelectionOptions.From(options.Learning) with { PropensityRounds = 0 };
        private readonly Window[] _windows = Enumerable.Range(0, Math.Max(1, options.Windows)).Select(_ => new Window()).ToArray();
        private readonly Dictionary<string, (long Misses, long Referenced)> _byArm = new(StringComparer.Ordinal);
        private long _runs, _prompt, _saved, _referenced, _misses;

        private sealed class Window
        {
            public long First = long.MaxValue, Last = long.MinValue, Runs, Prompt, Saved, Referenced, Misses;
        }

        // Manual feedback is not tied to a context: it applies in every partition, and a partition created later
        // gets the feedback given before it.
        public void Apply(LearningEvent e)
        {
            _events.Add(e);
            foreach (var beliefs in _partitions.Values) beliefs.Apply(e);
        }

        private ArmBeliefs Beliefs(RunTrace trace)
        {
            var key = ContextPartitions.KeyOf(trace, options.PartitionBy);
            if (_partitions.TryGetValue(key, out var beliefs)) return beliefs;
            beliefs = new ArmBeliefs(options.Learning, options.Learning.DecayHalfLifeDays);
            foreach (var e in _events) beliefs.Apply(e);
            _partitions[key] = beliefs;
            return beliefs;
        }

        public void Apply(RunTrace trace, int windowIndex, bool phasedIn)
        {
            var candidates = new List<SelectionArm>();
            var referenced = new List<bool>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var arm in trace.Arms)
            {
                if (!arm.Included || !seen.Add(arm.ArmId)) continue; // what the run's prompt really had
                candidates.Add(new SelectionArm(arm.ArmId, arm.TokenCost));
                referenced.Add(arm.Referenced);
            }
            var beliefs = Beliefs(trace);
            var kept = phasedIn ? Select(beliefs, candidates, trace.Timestamp) : Enumerable.Repeat(true, candidates.Count).ToArray();

            var w = _windows[windowIndex];
            w.First = Math.Min(w.First, trace.Timestamp);
            w.Last = Math.Max(w.Last, trace.Timestamp);
            w.Runs++;
            _runs++;
            for (var i = 0; i < candidates.Count; i++)
            {
                var cost = Math.Max(0, candidates[i].TokenCost);
                _prompt += cost;
                w.Prompt += cost;
                if (referenced[i])
                {
                    _referenced++;
                    w.Referenced++;
                }
                var counts = _byArm.GetValueOrDefault(candidates[i].ArmId);
                if (!kept[i])
                {
                    _saved += cost;
                    w.Saved += cost;
                    if (referenced[i])
                    {
                        _misses++;
                        w.Misses++;
                        counts.Misses++;
                    }
                }
                if (referenced[i]) counts.Referenced++;
                if (referenced[i] || !kept[i]) _byArm[candidates[i].ArmId] = counts;
            }
            if (!ObservationGuard.Observes(trace)) return;
            for (var i = 0; i < candidates.Count; i++)
            {
                if (kept[i]) beliefs.Observe(candidates[i].ArmId, referenced[i] ? 1 : 0, trace.Timestamp);
            }
        }

        private bool[] Select(ArmBeliefs beliefs, List<SelectionArm> candidates, long now)
        {
            var posteriors = candidates.ToDictionary(c => c.ArmId, c => beliefs.Get(c.ArmId, now), StringComparer.Ordinal);
            switch (policy)
            {
                case ReplayPolicy.Thompson:
                    var result = ThompsonSelector.Select(candidates, posteriors, _selection, random);
                    var included = result.Arms.Where(a => a.Included).Select(a => a.ArmId).ToHashSet(StringComparer.Ordinal);
                    return candidates.Select(c => included.Contains(c.ArmId)).ToArray();
                case ReplayPolicy.GreedyByMean:
                    var byMean = Enumerable.Range(0, candidates.Count)
                        .OrderByDescending(i => _selection.Seeds.Matches(candidates[i].ArmId))
                        .ThenByDescending(i => posteriors[candidates[i].ArmId].Mean)
                        .ThenBy(i => i).ToArray();
                    return GreedyPacking.Pack(candidates, byMean, _selection.TokenBudget, out _);
                default:
                    var shuffled = Enumerable.Range(0, candidates.Count).ToArray();
                    random.Shuffle(shuffled);
                    return GreedyPacking.Pack(candidates, shuffled, _selection.TokenBudget, out _);
            }
        }

        public PolicyReport Report() => new(
            policy.ToString(), _runs, _prompt, _saved, _referenced, _misses,
            _windows.Where(w => w.Runs > 0).Select(w => new WindowReport(w.First, w.Last, w.Runs,
                w.Prompt == 0 ? 0 : 100.0 * w.Saved / w.Prompt, w.Referenced == 0 ? 0 : (double)w.Misses / w.Referenced)).ToList(),
            _byArm.Where(p => p.Value.Misses > 0).Select(p => new ArmMisses(p.Key, p.Value.Misses, p.Value.Referenced))
                .OrderByDescending(a => a.Misses).ThenBy(a => a.ArmId, StringComparer.Ordinal).ToList());
    }
}
