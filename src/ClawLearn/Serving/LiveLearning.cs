using ClawLearn.Learning;
using ClawLearn.Replay;
using ClawLearn.Selection;
using ClawLearn.Status;
using ClawLearn.Storage;

namespace ClawLearn.Serving;

/// <summary>
/// One agent's learning, kept in memory for a long-running server and always equal to what the store derives
/// (posteriors are a pure function of traces and events, trace-contract 7). Built by one pass over the history;
/// then every write goes to the store and to memory under one lock, so concurrent writers lose nothing and
/// readers never see a half-applied trace. When another process commits to the store (an <c>ingest</c>, a second
/// server), the next request rebuilds from the store.
/// </summary>
public sealed class LiveLearning : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ILearningStore _store;
    private readonly TimeProvider _clock;
    private readonly Func<ILearningStore, IReadOnlyList<SelectionArm>>? _currentInventory;
    private readonly SeedArms _seeds;
    private View _view = null!;
    /// <summary>The store's external change stamp when the view was built; own writes do not change it.</summary>
    private long _changeStamp;

    /// <summary>Everything derived from history; replaced whole on a rebuild.</summary>
    private sealed class View(LearningConfig config)
    {
        public readonly PosteriorCalculator Posteriors = new(config);
        public readonly RunStatistics Runs = new();
        public readonly ArmUsage Arms = new();
        public readonly HourlyTokens Tokens = new();
        public readonly ConvergenceHistory Convergence = new();
        /// <summary>With a half-life set, the evidence decayed as <c>select</c> and <c>simulate</c> use it; else null.</summary>
        public readonly ArmBeliefs? Decayed = config.DecayHalfLifeDays is null ? null : new ArmBeliefs(config, config.DecayHalfLifeDays);
        /// <summary>The sorted posterior list, cached between writes; every write clears it.</summary>
        public IReadOnlyList<PosteriorView>? PosteriorViews;
        /// <summary>
        /// The arms one trace observed, while <see cref="AfterTrace"/> counts them; one set for every trace (a rebuild
        /// goes through tens of thousands), used under the gate like the rest of the view.
        /// </summary>
        public readonly HashSet<string> ObservedArms = new(StringComparer.Ordinal);
    }

    public LiveLearning(ILearningStore store, string agentId, LearningConfig config, TimeProvider? clock = null,
        Func<ILearningStore, IReadOnlyList<SelectionArm>>? currentInventory = null)
    {
        _store = store;
        AgentId = agentId;
        Config = config;
        _clock = clock ?? TimeProvider.System;
        _currentInventory = currentInventory;
        _seeds = new SeedArms(config.SeedArms);
        lock (_gate) Rebuild();
    }

    public string AgentId { get; }

    /// <summary>The server's clock, in milliseconds since the epoch.</summary>
    public long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();
    public LearningConfig Config { get; }

    /// <summary>How many times the view was rebuilt from the store (for tests and diagnostics).</summary>
    public int Rebuilds { get; private set; }

    public LearningSummary Summary() => Read(v => new LearningSummary(AgentId, v.Runs.TraceCount, v.Posteriors.ArmCount, v.Runs.MinTimestamp,
        v.Runs.MaxTimestamp, v.Runs.TotalTokens,
        new BaselineComparison(v.Runs.BaselineRuns, v.Runs.SelectedRuns, v.Runs.BaselineAvgTokens, v.Runs.SelectedAvgTokens,
            v.Runs.TokenSavingsPercent, v.Runs.BaselineAvgDurationMs, v.Runs.SelectedAvgDurationMs),
        v.Arms.HiddenNow, v.Arms.NeverReferenced.Count));

    /// <summary>All arms by mean descending (ties by arm id). Kept until the next write: dashboards poll this.</summary>
    public IReadOnlyList<PosteriorView> Posteriors() => Read(v => v.PosteriorViews ??= v.Posteriors.Posteriors().Select(p => ToView(p, v)).ToList());

    public ConfigView ConfigView() => new(AgentId, Config.Enabled, Config.Phase, "thompson", Config.TokenBudget, Config.BaselineRate,
        Config.MinPulls, Config.DecayHalfLifeDays, _seeds.Patterns, Config.SeedBoost);

    public TracePage Traces(int limit, int offset) => Read(v =>
        new TracePage(_store.TracesNewestFirst(AgentId, limit, offset).ToList(), v.Runs.TraceCount, limit, offset));

    public IReadOnlyList<TimeseriesPoint> TokenTimeseries(long windowMs) => Read(v => v.Tokens.Averages(windowMs));

    /// <summary>Convergence of the <paramref name="topArms"/> most-pulled arms (ties by arm id).</summary>
    public IReadOnlyList<TimeseriesPoint> ConvergenceTimeseries(long windowMs, int topArms) => Read(v =>
        v.Convergence.Points(windowMs, v.Posteriors.Posteriors().OrderByDescending(p => p.Pulls).ThenBy(p => p.ArmId, StringComparer.Ordinal)
            .Take(topArms).Select(p => p.ArmId)));

    /// <summary>One arm's history, or null when no trace or event names it. Scans at most <paramref name="scanLimit"/> newest traces.</summary>
    public ArmHistory? Arm(string armId, long windowMs, int recent = 50, int scanLimit = 10_000) => Read(v =>
    {
        if (v.Posteriors.Find(armId) is not { } posterior) return null;
        var entries = new List<ArmHistoryEntry>();
        var scanned = 0;
        foreach (var trace in _store.TracesNewestFirst(AgentId, scanLimit))
        {
            scanned++;
            foreach (var arm in trace.Arms)
            {
                if (arm.ArmId != armId) continue;
                entries.Add(new ArmHistoryEntry(trace.TraceId, trace.Timestamp, trace.SessionId, arm.Included, arm.Referenced, arm.TokenCost));
                break;
            }
            if (entries.Count >= recent) break;
        }
        return new ArmHistory(ToView(posterior, v), v.Convergence.Points(windowMs, [armId]), entries, scanned);
    });

    /// <summary>Every arm id the history knows.</summary>
    public IReadOnlyList<string> KnownArms() => Read(v => v.Posteriors.ArmIds.Order(StringComparer.Ordinal).ToList());

    /// <summary>Records a finished run: stored, then applied to the posteriors, atomically with respect to other requests.</summary>
    public RecordResult Record(RunTrace trace)
    {
        lock (_gate)
        {
            RefreshIfStale();
            var write = _store.UpsertRecordedTrace(AgentId, trace);
            var posteriors = _view.Posteriors;
            var updated = 0;
            if (write == TraceWrite.Added)
            {
                var late = posteriors.Classify(trace) == LiveOrder.Late;
                // The convergence patch needs the resets as they stand, so it goes before the late trace is applied.
                if (late) PatchHistory(_view, trace);
                if (late) posteriors.ApplyLate(trace);
                else posteriors.Apply(trace);
                _view.Decayed?.Apply(trace); // in or out of order alike (see ArmBeliefs)
                updated = AfterTrace(_view, trace, recordConvergence: !late);
            }
            else if (write == TraceWrite.Changed)
            {
                // A replaced trace: taking the old one out is not an update that commutes; replay history.
                Rebuild();
                updated = CountObserved(trace);
            }
            _view.PosteriorViews = null;
            return new RecordResult(trace.TraceId, write.ToString().ToLowerInvariant(), updated, _view.Runs.TraceCount);
        }
    }

    /// <summary>Stores a manual reward for one arm and applies it.</summary>
    public RewardResult Reward(string armId, double reward, string? reason)
    {
        lock (_gate)
        {
            RefreshIfStale();
            var e = new LearningEvent(0, LearningEventKind.Reward, EventTime(), [armId], reward, reason);
            e = e with { Id = _store.AddEvent(AgentId, e) };
            ApplyEvent(_view, e);
            var p = _view.Posteriors.Find(armId)!;
            _view.PosteriorViews = null;
            return new RewardResult(true, armId, reward, p.Alpha, p.Beta, p.Mean, p.Pulls);
        }
    }

    /// <summary>Stores a reset of <paramref name="armIds"/> (all arms when empty) and applies it.</summary>
    public ResetResult Reset(IReadOnlyList<string> armIds)
    {
        lock (_gate)
        {
            RefreshIfStale();
            var targets = armIds.Count == 0 ? _view.Posteriors.ArmIds.ToList() : armIds.Where(a => _view.Posteriors.Find(a) is not null).Distinct().ToList();
            var e = new LearningEvent(0, LearningEventKind.Reset, EventTime(), armIds, 0, null);
            e = e with { Id = _store.AddEvent(AgentId, e) };
            ApplyEvent(_view, e);
            _view.PosteriorViews = null;
            targets.Sort(StringComparer.Ordinal);
            return new ResetResult(targets.Count, targets, AgentId);
        }
    }

    /// <summary>
    /// A selection for the next run from <paramref name="arms"/> (the agent's current inventory when null; reading it
    /// may touch the store, so it runs under the lock), under the configured budget unless <paramref name="budget"/>
    /// is given. With a half-life set, it draws from evidence decayed to now, as the <c>select</c> command does.
    /// </summary>
    public (SelectionResult Result, IReadOnlyList<SelectionArm> Arms) Select(IReadOnlyList<SelectionArm>? arms, int? budget, Random random, bool propensities)
    {
        var config = budget is { } b ? Config with { TokenBudget = b } : Config;
        var options = SelectionOptions.From(config) with { PropensityRounds = propensities ? 2000 : 0 };
        var (inventory, posteriors) = Read(v => (arms ?? _currentInventory?.Invoke(_store) ?? [], SelectionPosteriors(v)));
        return (ThompsonSelector.Select(inventory, posteriors, options, random), inventory);
    }

    /// <summary>The posteriors a selection now draws from: decayed to the server's clock when a half-life is set.</summary>
    internal Dictionary<string, Posterior> SelectionPosteriors() => Read(SelectionPosteriors);

    private Dictionary<string, Posterior> SelectionPosteriors(View v)
    {
        if (v.Decayed is not { } decayed) return v.Posteriors.Posteriors().ToDictionary(p => p.ArmId);
        var now = NowMs;
        return decayed.Known.ToDictionary(id => id, id => decayed.Peek(id, now), StringComparer.Ordinal);
    }

    private T Read<T>(Func<View, T> read)
    {
        lock (_gate)
        {
            RefreshIfStale();
            return read(_view);
        }
    }

    private void RefreshIfStale()
    {
        if (_store.ExternalChangeStamp() != _changeStamp) Rebuild();
    }

    private void Rebuild()
    {
        // The stamp first: a commit by another process while we read makes the next request rebuild again.
        _changeStamp = _store.ExternalChangeStamp();
        var view = new View(Config);
        TimeOrder.Apply(_store.TracesInTimeOrder(AgentId), _store.Events(AgentId), e => ApplyEvent(view, e), trace =>
        {
            view.Posteriors.Apply(trace);
            view.Decayed?.Apply(trace);
            AfterTrace(view, trace, recordConvergence: true);
        });
        _view = view;
        Rebuilds++;
    }

    private static void ApplyEvent(View view, LearningEvent e)
    {
        view.Posteriors.Apply(e);
        view.Decayed?.Apply(e);
        foreach (var armId in e.ArmIds.Count == 0 ? view.Posteriors.ArmIds : e.ArmIds)
        {
            if (view.Posteriors.Find(armId) is { } p) view.Convergence.Record(armId, e.TimestampMs, p.Alpha, p.Beta);
        }
    }

    /// <summary>Updates everything but the posteriors after a trace was applied; returns how many arms it observed.</summary>
    private static int AfterTrace(View view, RunTrace trace, bool recordConvergence)
    {
        view.Runs.Add(trace);
        view.Arms.Add(trace);
        view.Tokens.Add(trace);
        if (!ObservationGuard.Observes(trace)) return 0;
        var updated = view.ObservedArms;
        updated.Clear();
        foreach (var arm in trace.Arms)
        {
            if (!arm.Included || !updated.Add(arm.ArmId)) continue;
            if (recordConvergence && view.Posteriors.Find(arm.ArmId) is { } p) view.Convergence.Record(arm.ArmId, trace.Timestamp, p.Alpha, p.Beta);
        }
        return updated.Count;
    }

    /// <summary>Patches the mean history for a trace that arrived late, as a replay would have recorded it.</summary>
    private void PatchHistory(View view, RunTrace trace)
    {
        var observes = ObservationGuard.Observes(trace);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in trace.Arms)
        {
            if (!seen.Add(arm.ArmId)) continue;
            var pulled = observes && arm.Included;
            var resets = view.Posteriors.ResetsAfter(arm.ArmId, trace.Timestamp);
            // A replay records a point when a reset covers an arm that exists; this trace may be what made it exist.
            if (!pulled && resets.Count == 0) continue;
            view.Convergence.RecordLate(arm.ArmId, trace.Timestamp, pulled && arm.Referenced ? 1 : 0, pulled && !arm.Referenced ? 1 : 0,
                Priors.For(arm.ArmId, _seeds, Config.SeedBoost), resets);
        }
    }

    /// <summary>
    /// When an event recorded now happens: the server's clock, but never before the latest trace already applied (a
    /// gateway's clock may run ahead), so a replay puts the event exactly where it was applied.
    /// </summary>
    private long EventTime() => Math.Max(_clock.GetUtcNow().ToUnixTimeMilliseconds(), _view.Posteriors.LatestTimestamp);

    private static int CountObserved(RunTrace trace) =>
        ObservationGuard.Observes(trace) ? trace.Arms.Where(a => a.Included).Select(a => a.ArmId).Distinct().Count() : 0;

    private PosteriorView ToView(Posterior p, View v)
    {
        var (lower, upper) = BetaMath.CredibleInterval(p.Alpha, p.Beta);
        return new PosteriorView(p.ArmId, p.Alpha, p.Beta, p.Mean, p.Pulls, p.LastUpdated, _seeds.Matches(p.ArmId), p.Pulls < Config.MinPulls,
            new CredibleInterval(lower, upper), BetaMath.Confidence(p.Pulls), v.Arms.IsHidden(p.ArmId));
    }

    public void Dispose() => _store.Dispose();
}
