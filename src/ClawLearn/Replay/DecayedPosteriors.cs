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
        TimeOrder.Apply(tracesInOrder, events, beliefs.Apply, trace =>
        {
            var observes = ObservationGuard.Observes(trace);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var arm in trace.Arms)
            {
                if (!seen.Add(arm.ArmId)) continue;
                if (observes && arm.Included) beliefs.Observe(arm.ArmId, arm.Referenced ? 1 : 0, trace.Timestamp);
                else beliefs.Get(arm.ArmId, trace.Timestamp); // known from its first appearance, at its prior
            }
        });
        return beliefs.Known.Select(id => beliefs.Get(id, now)).OrderByDescending(p => p.Mean).ThenBy(p => p.ArmId, StringComparer.Ordinal).ToList();
    }
}
