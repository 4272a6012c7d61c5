using ClawLearn.Learning;

namespace ClawLearn.Replay;

/// <summary>
/// Posteriors with evidence decayed to a given time, built by the same rules as <see cref="PosteriorCalculator"/>
/// (included arms of observed traces; rewards and resets at their time). Used for a live selection when
/// <c>decayHalfLifeDays</c> is set, so <c>select</c> decides the way <c>simulate</c> measured. Exports and status keep
/// undecayed posteriors: they must not depend on the wall clock.
/// </summary>
public static class DecayedPosteriors
{
    public static IReadOnlyList<Posterior> Compute(IEnumerable<RunTrace> tracesInOrder, IEnumerable<LearningEvent> events, LearningConfig config, long now)
    {
        var beliefs = new ArmBeliefs(config, config.DecayHalfLifeDays);
        TimeOrder.Apply(tracesInOrder, events, beliefs.Apply, beliefs.Apply);
        return beliefs.Known.Select(id => beliefs.Get(id, now)).OrderByDescending(p => p.Mean).ThenBy(p => p.ArmId, StringComparer.Ordinal).ToList();
    }
}
