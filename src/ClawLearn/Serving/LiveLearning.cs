using ClawLearn.Learning;
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
    private long _changeStamp;
    /// <summary>Set when a late trace made the recorded mean history inexact; the next reader of it rebuilds.</summary>
    private bool _convergenceStale;

    /// <summary>Everything derived from history; replaced whole on a rebuild.</summary>
    private sealed class View(LearningConfig config)
    {
        public readonly PosteriorCalculator Posteriors = new(config);
        public readonly RunStatistics Runs = new();
        public readonly ArmUsage Arms = new();
        public readonly HourlyTokens Tokens = new();
        public readonly ConvergenceHistory Convergence = new();
        /// <summary>The sorted posterior list, cached between writes; every write clears it.</summary>
        public IReadOnlyList<PosteriorView>? PosteriorViews;
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

    /// <summary>Convergence of the <paramref name="topArms"/> most-pulled arms (all when null).</summary>
    public IReadOnlyList<TimeseriesPoint> ConvergenceTimeseries(long windowMs, int? topArms) => Read(v =>
    {
        var arms = topArms is { } n
            ? v.Posteriors.Posteriors().OrderByDescending(p => p.Pulls).ThenBy(p => p.ArmId, StringComparer.Ordinal).Take(n).Select(p => p.ArmId)
            : null;
        return v.Convergence.Points(windowMs, arms);
    }, needsConvergence: true);

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
    }, needsConvergence: true);

    /// <summary>Every arm id the history knows.</summary>
    public IReadOnlyList<string> KnownArms() => Read(v => v.Posteriors.ArmIds.Order(StringComparer.Ordinal).ToList());

    /// <summary>Records a finished run: stored, then applied to the posteriors, atomically with respect to other requests.</summary>
    public RecordResult Record(RunTrace trace)
    {
        lock (_gate)
        {
            RefreshIfStale();
            var write = _store.UpsertRecordedTrace(AgentId, trace);
            _view.PosteriorViews = null;
            var updated = 0;
            switch (write)
            {
                case TraceWrite.Added when _view.Posteriors.IsInOrder(trace):
                    _view.Posteriors.Apply(trace);
                    updated = AfterTrace(_view, trace, recordConvergence: true);
                    break;
                case TraceWrite.Added when _view.Posteriors.TryApplyLate(trace):
                    // Posteriors and counts are exact; the mean history after this point is not, so rebuild it lazily.
                    updated = AfterTrace(_view, trace, recordConvergence: false);
                    _convergenceStale = true;
                    break;
                case TraceWrite.Unchanged:
                    break;
                default:
                    // A replaced trace, or one older than a reset: only a replay of history is exact.
                    Rebuild();
                    updated = CountObserved(trace);
                    break;
            }
            _changeStamp = _store.ExternalChangeStamp();
            return new RecordResult(trace.TraceId, write.ToString().ToLowerInvariant(), updated, _view.Runs.TraceCount);
        }
    }

    /// <summary>Stores a manual reward for one arm at the current time and applies it.</summary>
    public RewardResult Reward(string armId, double reward, string? reason)
    {
        lock (_gate)
        {
            RefreshIfStale();
            _view.PosteriorViews = null;
            var e = new LearningEvent(0, LearningEventKind.Reward, Now(), [armId], reward, reason);
            e = e with { Id = _store.AddEvent(AgentId, e) };
            _view.Posteriors.Apply(e);
            var p = _view.Posteriors.Find(armId)!;
            _view.Convergence.Record(armId, e.TimestampMs, p.Mean);
            _changeStamp = _store.ExternalChangeStamp();
            return new RewardResult(true, armId, reward, p.Alpha, p.Beta, p.Mean, p.Pulls);
        }
    }

    /// <summary>Stores a reset of <paramref name="armIds"/> (all arms when empty) at the current time and applies it.</summary>
    public ResetResult Reset(IReadOnlyList<string> armIds)
    {
        lock (_gate)
        {
            RefreshIfStale();
            _view.PosteriorViews = null;
            var targets = armIds.Count == 0 ? _view.Posteriors.ArmIds.ToList() : armIds.Where(a => _view.Posteriors.Find(a) is not null).Distinct().ToList();
            var e = new LearningEvent(0, LearningEventKind.Reset, Now(), armIds, 0, null);
            e = e with { Id = _store.AddEvent(AgentId, e) };
            _view.Posteriors.Apply(e);
            foreach (var armId in targets) _view.Convergence.Record(armId, e.TimestampMs, _view.Posteriors.Find(armId)!.Mean);
            _changeStamp = _store.ExternalChangeStamp();
            targets.Sort(StringComparer.Ordinal);
            return new ResetResult(targets.Count, targets);
        }
    }

    /// <summary>
    /// A selection for the next run from <paramref name="arms"/> (the agent's current inventory when null; reading it
    /// may touch the store, so it runs under the lock), under
    /// the configured budget unless <paramref name="budget"/> is given.
    /// </summary>
    public (SelectionResult Result, IReadOnlyList<SelectionArm> Arms) Select(IReadOnlyList<SelectionArm>? arms, int? budget, Random random, bool propensities)
    {
        var config = budget is { } b ? Config with { TokenBudget = b } : Config;
        var options = SelectionOptions.From(config) with { PropensityRounds = propensities ? 2000 : 0 };
        var (inventory, posteriors) = Read(v => (arms ?? _currentInventory?.Invoke(_store) ?? [], v.Posteriors.Posteriors().ToDictionary(p => p.ArmId)));
        return (ThompsonSelector.Select(inventory, posteriors, options, random), inventory);
    }

    private T Read<T>(Func<View, T> read, bool needsConvergence = false)
    {
        lock (_gate)
        {
            RefreshIfStale();
            if (needsConvergence && _convergenceStale) Rebuild();
            return read(_view);
        }
    }

    private void RefreshIfStale()
    {
        if (_store.ExternalChangeStamp() != _changeStamp) Rebuild();
    }

    private void Rebuild()
    {
        var view = new View(Config);
        TimeOrder.Apply(_store.TracesInTimeOrder(AgentId), _store.Events(AgentId), e =>
        {
            view.Posteriors.Apply(e);
            foreach (var armId in e.ArmIds.Count == 0 ? view.Posteriors.ArmIds : e.ArmIds)
            {
                if (view.Posteriors.Find(armId) is { } p) view.Convergence.Record(armId, e.TimestampMs, p.Mean);
            }
        }, trace =>
        {
            view.Posteriors.Apply(trace);
            AfterTrace(view, trace, recordConvergence: true);
        });
        _view = view;
        _convergenceStale = false;
        _changeStamp = _store.ExternalChangeStamp();
        Rebuilds++;
    }

    /// <summary>Updates everything but the posteriors after a trace was applied; returns how many arms it observed.</summary>
    private static int AfterTrace(View view, RunTrace trace, bool recordConvergence)
    {
        view.Runs.Add(trace);
        view.Arms.Add(trace);
        view.Tokens.Add(trace);
        if (!ObservationGuard.Observes(trace)) return 0;
        var updated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in trace.Arms)
        {
            if (!arm.Included || !updated.Add(arm.ArmId)) continue;
            if (recordConvergence) view.Convergence.Record(arm.ArmId, trace.Timestamp, view.Posteriors.Find(arm.ArmId)!.Mean);
        }
        return updated.Count;
    }

    private static int CountObserved(RunTrace trace) =>
        ObservationGuard.Observes(trace) ? trace.Arms.Where(a => a.Included).Select(a => a.ArmId).Distinct().Count() : 0;

    private PosteriorView ToView(Posterior p, View v)
    {
        var (lower, upper) = BetaMath.CredibleInterval(p.Alpha, p.Beta);
        return new PosteriorView(p.ArmId, p.Alpha, p.Beta, p.Mean, p.Pulls, p.LastUpdated, _seeds.Matches(p.ArmId), p.Pulls < Config.MinPulls,
            new CredibleInterval(lower, upper), BetaMath.Confidence(p.Pulls), v.Arms.IsHidden(p.ArmId));
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    public void Dispose() => _store.Dispose();
}
