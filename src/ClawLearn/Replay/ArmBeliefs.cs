using ClawLearn.Learning;

namespace ClawLearn.Replay;

/// <summary>
/// Posteriors with optional decay: evidence (alpha and beta above the prior, and the pull count with it) loses half
/// its weight every <c>halfLifeDays</c>, so an arm whose relevance drifted is re-learned and, once its evidence has
/// faded, explored again. Decay is lazy, per arm, applied up to the time of each update (or computed for a read by
/// <see cref="Peek"/>). Used by a replay, by <c>select</c> and by the server's live selection.
/// </summary>
/// <remarks>
/// Decayed evidence is a sum of observations, each weighted by its age; so an observation older than the arm's
/// latest update (a run a gateway reports late) is added with the weight it would have by then, and the result is
/// the one applying everything in time order gives. A run at or before a reset that covers the arm counts for
/// nothing: the reset wiped it.
/// </remarks>
internal sealed class ArmBeliefs(LearningConfig config, double? halfLifeDays)
{
    private readonly Dictionary<string, State> _arms = new(StringComparer.Ordinal);
    private readonly SeedArms _seeds = new(config.SeedArms);
    private long _lastResetOfAll = long.MinValue;

    private sealed class State
    {
        public double PriorAlpha, PriorBeta, Alpha, Beta, LastTime, Pulls;
        public long LastReset = long.MinValue;
    }

    public Posterior Get(string armId, long now)
    {
        var s = Touch(armId, now);
        return new Posterior(armId, s.Alpha, s.Beta, (long)Math.Round(s.Pulls), now);
    }

    /// <summary>A known arm's posterior decayed to <paramref name="now"/>, changing nothing (a read between updates).</summary>
    public Posterior Peek(string armId, long now)
    {
        var s = _arms[armId];
        var keep = now > s.LastTime ? Keep(now - s.LastTime) : 1;
        return new Posterior(armId, s.PriorAlpha + (s.Alpha - s.PriorAlpha) * keep, s.PriorBeta + (s.Beta - s.PriorBeta) * keep,
            (long)Math.Round(s.Pulls * keep), now);
    }

    public void Observe(string armId, double reward, long now) => Add(Touch(armId, now), reward, now);

    private void Add(State s, double reward, long at)
    {
        var weight = at < s.LastTime ? Keep(s.LastTime - at) : 1;
        s.Alpha += reward * weight;
        s.Beta += (1 - reward) * weight;
        s.Pulls += weight;
    }

    public void Reset(string armId, long now)
    {
        var s = Touch(armId, now);
        (s.Alpha, s.Beta, s.Pulls) = (s.PriorAlpha, s.PriorBeta, 0);
        s.LastReset = Math.Max(s.LastReset, now);
    }

    public IEnumerable<string> Known => _arms.Keys;

    /// <summary>
    /// A run as the learning layer counts it (trace-contract 7): each included arm of a run the guard observes, once,
    /// referenced or not; every other arm becomes known at its prior.
    /// </summary>
    public void Apply(RunTrace trace)
    {
        var observes = ObservationGuard.Observes(trace);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in trace.Arms)
        {
            if (!seen.Add(arm.ArmId)) continue;
            var s = Touch(arm.ArmId, trace.Timestamp);
            // A run at the same millisecond as a reset comes before it (trace-contract 7), so the reset wiped it too.
            if (observes && arm.Included && trace.Timestamp > s.LastReset) Add(s, arm.Referenced ? 1 : 0, trace.Timestamp);
        }
    }

    /// <summary>A manual reward, or a reset of the listed arms (all known arms when none is listed), at its time.</summary>
    public void Apply(LearningEvent e)
    {
        var all = e.Kind == LearningEventKind.Reset && e.ArmIds.Count == 0;
        // An arm first seen later, in a run from before this reset, must still count as reset.
        if (all) _lastResetOfAll = Math.Max(_lastResetOfAll, e.TimestampMs);
        foreach (var armId in all ? _arms.Keys.ToList() : e.ArmIds)
        {
            if (e.Kind == LearningEventKind.Reward) Observe(armId, e.Reward, e.TimestampMs);
            else Reset(armId, e.TimestampMs);
        }
    }

    private State Touch(string armId, long now)
    {
        if (!_arms.TryGetValue(armId, out var s))
        {
            var (alpha, beta) = Priors.For(armId, _seeds, config.SeedBoost);
            s = new State { PriorAlpha = alpha, PriorBeta = beta, Alpha = alpha, Beta = beta, LastTime = now, LastReset = _lastResetOfAll };
            _arms[armId] = s;
            return s;
        }
        if (now > s.LastTime)
        {
            var keep = Keep(now - s.LastTime);
            s.Alpha = s.PriorAlpha + (s.Alpha - s.PriorAlpha) * keep;
            s.Beta = s.PriorBeta + (s.Beta - s.PriorBeta) * keep;
            s.Pulls *= keep; // faded evidence counts as fewer observations, so exploration can resume
        }
        s.LastTime = Math.Max(s.LastTime, now);
        return s;
    }

    // The share of evidence left after elapsedMs: all of it without a half-life.
    private double Keep(double elapsedMs) => halfLifeDays is { } h ? Math.Pow(0.5, elapsedMs / (h * 86_400_000.0)) : 1;
}
