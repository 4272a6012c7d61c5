using ClawLearn.Learning;
using ClawLearn.Storage;

namespace ClawLearn.Status;

/// <summary>
/// Everything <c>clawlearn status</c> shows, computed in one pass over the agent's traces in time order:
/// counts, token totals, range, run distribution, posteriors, and two lists the reference never showed: arms
/// that truncation hides from the model, and arms that were offered but never referenced.
/// </summary>
public sealed record LearningStatus(
    string AgentId,
    RunStatistics Runs,
    IReadOnlyList<Posterior> Posteriors,
    IReadOnlyList<string> HiddenArms,
    IReadOnlyList<string> NeverReferenced)
{
    public static LearningStatus Compute(ILearningStore store, string agentId, LearningConfig config)
    {
        var calculator = new PosteriorCalculator(config);
        var runs = new RunStatistics();
        var arms = new ArmUsage();
        TimeOrder.Apply(store.TracesInTimeOrder(agentId), store.Events(agentId), calculator.Apply, trace =>
        {
            calculator.Apply(trace);
            runs.Add(trace);
            arms.Add(trace);
        });
        return new LearningStatus(agentId, runs, calculator.Posteriors(), arms.HiddenNow, arms.NeverReferenced);
    }
}
