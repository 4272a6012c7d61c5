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
    private long _lastEventTimestamp = long.MinValue;
    /// <summary>Times of resets of every arm, and of targeted resets per arm id (also ids unknown when the reset came:
    /// a late trace may bring them). Kept for late traces, which must know which resets came after them.</summary>
    private readonly List<long> _globalResets = [];
    private readonly Dictionary<string, List<long>> _resetsOf = new(StringComparer.Ordinal);
    // Numbers the traces applied, so that an arm listed twice in one trace is updated once (see ArmState.UpdatedBy).
    private long _traceUpdates;

    /// <summary>
    /// An arm's state. <c>lastUpdated</c> is the time of the last pull (an observed trace or a reward) when the arm
    /// has pulls since its last reset, else the latest of its reset and its appearances: kept as two maxima so that
    /// a trace applied late gives the same value as a replay.
    /// </summary>
    private sealed class ArmState
    {
        public double Alpha;
        public double Beta;
        public long Pulls;
        public long LastPull = long.MinValue;
        public long LastSeen = long.MinValue;
        public long LastUpdated => Pulls > 0 ? LastPull : LastSeen;
        /// <summary>The number of the trace that last updated the arm: a replay goes through tens of thousands of traces
        /// of ~150 arms, and marking the state found anyway costs less than a set of the trace's arm ids.</summary>
        public long UpdatedBy;
    }

    /// <summary>The latest timestamp of any trace or event applied so far.</summary>
    public long LatestTimestamp => Math.Max(_lastTraceTimestamp, _lastEventTimestamp);

    /// <summary>Applies one trace. Traces must come in (timestamp, traceId) order.</summary>
    public void Apply(RunTrace trace)
    {
        if (!IsInOrder(trace))
            throw new ArgumentException($"traces must be applied in time order: {trace.TraceId} came after {_lastTraceId}");
        Advance(trace);
        Update(trace);
    }

    /// <summary>How a trace that arrives now (a live server) relates to what was applied.</summary>
    public LiveOrder Classify(RunTrace trace) =>
        IsInOrder(trace) && trace.Timestamp > _lastEventTimestamp ? LiveOrder.InOrder : LiveOrder.Late;

    /// <summary>
    /// The time of the latest reset that covers <paramref name="armId"/> and comes after a trace at
    /// <paramref name="timestamp"/> (a reset at the same millisecond comes after it), or null when there is none.
    /// </summary>
    public long? ResetAfter(string armId, long timestamp) => ResetsAfter(armId, timestamp) is [.., var last] ? last : null;

    /// <summary>Every reset that covers <paramref name="armId"/> at or after <paramref name="timestamp"/>, oldest first.</summary>
    public IReadOnlyList<long> ResetsAfter(string armId, long timestamp)
    {
        var result = _globalResets.Where(r => r >= timestamp);
        if (_resetsOf.TryGetValue(armId, out var own)) result = result.Concat(own.Where(r => r >= timestamp));
        return result.Distinct().Order().ToList();
    }

    /// <summary>
    /// Applies a trace that came after later traces or events, with the result a replay in time order would give.
    /// Updates commute and <c>lastUpdated</c> is kept as maxima. For an arm that a later reset covers, the trace
    /// changes nothing now (the reset wiped it), except that an arm unknown until this trace exists, at its prior,
    /// as of that reset.
    /// </summary>
    public void ApplyLate(RunTrace trace)
    {
        if (IsInOrder(trace)) Advance(trace);
        var observes = ObservationGuard.Observes(trace);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in trace.Arms)
        {
            if (!seen.Add(arm.ArmId)) continue;
            if (ResetAfter(arm.ArmId, trace.Timestamp) is { } reset)
            {
                if (!_arms.ContainsKey(arm.ArmId)) Get(arm.ArmId).LastSeen = reset;
                continue;
            }
            Observe(Get(arm.ArmId), arm, observes, trace.Timestamp);
        }
    }

    /// <summary>Whether <paramref name="trace"/> comes after every trace applied so far, in (timestamp, trace id) order.</summary>
    public bool IsInOrder(RunTrace trace) =>
        trace.Timestamp > _lastTraceTimestamp || (trace.Timestamp == _lastTraceTimestamp && string.CompareOrdinal(trace.TraceId, _lastTraceId) >= 0);

    private void Advance(RunTrace trace)
    {
        _lastTraceTimestamp = trace.Timestamp;
        _lastTraceId = trace.TraceId;
    }

    private void Update(RunTrace trace)
    {
        var observes = ObservationGuard.Observes(trace);
        var update = ++_traceUpdates;
        foreach (var arm in trace.Arms)
        {
            var state = Get(arm.ArmId);
            if (state.UpdatedBy == update) continue; // one update per arm per trace
            state.UpdatedBy = update;
            Observe(state, arm, observes, trace.Timestamp);
        }
    }

    private static void Observe(ArmState state, ArmOutcome arm, bool observes, long timestamp)
    {
        state.LastSeen = Math.Max(state.LastSeen, timestamp);
        if (!observes || !arm.Included) return;
        if (arm.Referenced) state.Alpha += 1;
        else state.Beta += 1;
        state.Pulls++;
        state.LastPull = Math.Max(state.LastPull, timestamp);
    }

    public void Apply(LearningEvent e)
    {
        _lastEventTimestamp = Math.Max(_lastEventTimestamp, e.TimestampMs);
        switch (e.Kind)
        {
            case LearningEventKind.Reward:
                foreach (var armId in e.ArmIds)
                {
                    var state = Get(armId);
                    state.Alpha += e.Reward;
                    state.Beta += 1 - e.Reward;
                    state.Pulls++;
                    state.LastPull = Math.Max(state.LastPull, e.TimestampMs);
                }
                break;
            case LearningEventKind.Reset:
                if (e.ArmIds.Count == 0) _globalResets.Add(e.TimestampMs);
                foreach (var armId in e.ArmIds.Distinct())
                {
                    if (!_resetsOf.TryGetValue(armId, out var times)) _resetsOf[armId] = times = [];
                    times.Add(e.TimestampMs);
                }
                var targets = e.ArmIds.Count == 0 ? _arms.Keys.ToList() : e.ArmIds.Where(_arms.ContainsKey).ToList();
                foreach (var armId in targets)
                {
                    var (alpha, beta) = Priors.For(armId, _seeds, config.SeedBoost);
                    var state = _arms[armId];
                    (state.Alpha, state.Beta, state.Pulls, state.LastPull, state.LastSeen) = (alpha, beta, 0, long.MinValue, e.TimestampMs);
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
        state = new ArmState { Alpha = alpha, Beta = beta };
        _arms[armId] = state;
        return state;
    }
}

/// <summary>How a live trace relates to what a <see cref="PosteriorCalculator"/> has applied.</summary>
public enum LiveOrder
{
    /// <summary>After every trace and event: <see cref="PosteriorCalculator.Apply(RunTrace)"/> it as a replay would.</summary>
    InOrder,
    /// <summary>Before some trace or event: <see cref="PosteriorCalculator.ApplyLate"/> gives the replay's result.</summary>
    Late,
}
