namespace ClawLearn.Learning;

/// <summary>
/// Posteriors as a pure function of traces and events (trace-contract 7). Traces and events are applied in time
/// order (timestamp, then trace id; an event after traces of the same millisecond). Memory is one row per arm,
/// whatever the number of traces. No wall clock is read: <c>lastUpdated</c> always comes from the data.
/// </summary>
public sealed class PosteriorCalculator(LearningConfig config)
{
    private readonly Dictionary<string, ArmState> _arms = new(StringComparer.Ordinal);
    private readonly SeedArms _seeds = new(config.SeedArms);
    private long _lastTraceTimestamp = long.MinValue;
    private string _lastTraceId = "";
    private long _lastResetTimestamp = long.MinValue;

    private sealed class ArmState
    {
        public double Alpha;
        public double Beta;
        public long Pulls;
        public long LastUpdated;
    }

    /// <summary>Applies one trace. Traces must come in (timestamp, traceId) order.</summary>
    public void Apply(RunTrace trace)
    {
        if (!IsInOrder(trace))
            throw new ArgumentException($"traces must be applied in time order: {trace.TraceId} came after {_lastTraceId}");
        _lastTraceTimestamp = trace.Timestamp;
        _lastTraceId = trace.TraceId;
        Update(trace);
    }

    /// <summary>
    /// Applies a trace older than the latest one applied, as a live server receives them. Updates commute and
    /// <c>lastUpdated</c> is a maximum, so the result equals applying it in order, unless a reset came at or after
    /// the trace's time (it would have wiped the trace's effect): then nothing is applied and this returns false,
    /// and the caller must recompute from history.
    /// </summary>
    public bool TryApplyLate(RunTrace trace)
    {
        if (trace.Timestamp <= _lastResetTimestamp) return false;
        Update(trace);
        return true;
    }

    /// <summary>Whether <paramref name="trace"/> comes after every trace applied so far, in (timestamp, trace id) order.</summary>
    public bool IsInOrder(RunTrace trace) =>
        trace.Timestamp > _lastTraceTimestamp || (trace.Timestamp == _lastTraceTimestamp && string.CompareOrdinal(trace.TraceId, _lastTraceId) >= 0);

    private void Update(RunTrace trace)
    {
        var observes = ObservationGuard.Observes(trace);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in trace.Arms)
        {
            if (!seen.Add(arm.ArmId)) continue; // one update per arm per trace
            var state = Get(arm.ArmId);
            if (!observes || !arm.Included)
            {
                // Appearing without an update: a 0-pull arm's lastUpdated is its latest appearance.
                if (state.Pulls == 0) state.LastUpdated = Math.Max(state.LastUpdated, trace.Timestamp);
                continue;
            }
            if (arm.Referenced) state.Alpha += 1;
            else state.Beta += 1;
            state.Pulls++;
            state.LastUpdated = Math.Max(state.LastUpdated, trace.Timestamp);
        }
    }

    public void Apply(LearningEvent e)
    {
        switch (e.Kind)
        {
            case LearningEventKind.Reward:
                foreach (var armId in e.ArmIds)
                {
                    var state = Get(armId);
                    state.Alpha += e.Reward;
                    state.Beta += 1 - e.Reward;
                    state.Pulls++;
                    state.LastUpdated = Math.Max(state.LastUpdated, e.TimestampMs);
                }
                break;
            case LearningEventKind.Reset:
                _lastResetTimestamp = Math.Max(_lastResetTimestamp, e.TimestampMs);
                var targets = e.ArmIds.Count == 0 ? _arms.Keys.ToList() : e.ArmIds.Where(_arms.ContainsKey).ToList();
                foreach (var armId in targets)
                {
                    var (alpha, beta) = Priors.For(armId, _seeds, config.SeedBoost);
                    var state = _arms[armId];
                    (state.Alpha, state.Beta, state.Pulls, state.LastUpdated) = (alpha, beta, 0, e.TimestampMs);
                }
                break;
        }
    }

    /// <summary>Applies traces and events merged in time order.</summary>
    public static IReadOnlyList<Posterior> Compute(IEnumerable<RunTrace> tracesInOrder, IEnumerable<LearningEvent> events, LearningConfig config)
    {
        var calculator = new PosteriorCalculator(config);
        TimeOrder.Apply(tracesInOrder, events, calculator.Apply, calculator.Apply);
        return calculator.Posteriors();
    }

    /// <summary>Posteriors by mean descending, ties by arm id (the export order).</summary>
    public IReadOnlyList<Posterior> Posteriors() => _arms
        .Select(p => new Posterior(p.Key, p.Value.Alpha, p.Value.Beta, p.Value.Pulls, p.Value.LastUpdated))
        .OrderByDescending(p => p.Mean).ThenBy(p => p.ArmId, StringComparer.Ordinal)
        .ToList();

    /// <summary>One arm's posterior, or null when no trace or event has named it.</summary>
    public Posterior? Find(string armId) =>
        _arms.TryGetValue(armId, out var s) ? new Posterior(armId, s.Alpha, s.Beta, s.Pulls, s.LastUpdated) : null;

    /// <summary>How many arms are known.</summary>
    public int ArmCount => _arms.Count;

    /// <summary>Every known arm id, in no particular order.</summary>
    public IEnumerable<string> ArmIds => _arms.Keys;

    private ArmState Get(string armId)
    {
        if (_arms.TryGetValue(armId, out var state)) return state;
        var (alpha, beta) = Priors.For(armId, _seeds, config.SeedBoost);
        state = new ArmState { Alpha = alpha, Beta = beta, LastUpdated = long.MinValue };
        _arms[armId] = state;
        return state;
    }
}
