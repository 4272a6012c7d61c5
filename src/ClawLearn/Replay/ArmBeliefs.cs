using ClawLearn.Learning;

namespace ClawLearn.Replay;

/// <summary>
/// A policy's posteriors during a replay, with optional decay: evidence (alpha and beta above the prior, and the
/// pull count with it) loses half its weight every <c>halfLifeDays</c>, so an arm whose relevance drifted is
/// re-learned and, once its evidence has faded, explored again. Decay is lazy, per arm, applied up to the time of
/// each read or update.
/// </summary>
internal sealed class ArmBeliefs(LearningConfig config, double? halfLifeDays)
{
    private readonly Dictionary<string, State> _arms = new(StringComparer.Ordinal);
    private readonly SeedArms _seeds = new(config.SeedArms);

    private sealed class State
    {
        public double PriorAlpha, PriorBeta, Alpha, Beta, LastTime, Pulls;
    }

    public Posterior Get(string armId, long now)
    {
        var s = Touch(armId, now);
        return new Posterior(armId, s.Alpha, s.Beta, (long)Math.Round(s.Pulls), now);
    }

    public void Observe(string armId, double reward, long now)
    {
        var s = Touch(armId, now);
        s.Alpha += reward;
        s.Beta += 1 - reward;
        s.Pulls++;
    }

    public void Reset(string armId, long now)
    {
        var s = Touch(armId, now);
        (s.Alpha, s.Beta, s.Pulls) = (s.PriorAlpha, s.PriorBeta, 0);
    }

    public IEnumerable<string> Known => _arms.Keys;

    /// <summary>A manual reward, or a reset of the listed arms (all known arms when none is listed), at its time.</summary>
    public void Apply(LearningEvent e)
    {
        var targets = e.Kind == LearningEventKind.Reset && e.ArmIds.Count == 0 ? _arms.Keys.ToList() : e.ArmIds;
        foreach (var armId in targets)
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
            s = new State { PriorAlpha = alpha, PriorBeta = beta, Alpha = alpha, Beta = beta, LastTime = now };
            _arms[armId] = s;
            return s;
        }
        if (halfLifeDays is { } h && now > s.LastTime)
        {
            var keep = Math.Pow(0.5, (now - s.LastTime) / (h * 86_400_000.0));
            s.Alpha = s.PriorAlpha + (s.Alpha - s.PriorAlpha) * keep;
            s.Beta = s.PriorBeta + (s.Beta - s.PriorBeta) * keep;
            s.Pulls *= keep; // faded evidence counts as fewer observations, so exploration can resume
        }
        s.LastTime = Math.Max(s.LastTime, now);
        return s;
    }
}
