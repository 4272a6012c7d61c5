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
    long TraceCount,
    long TotalTokens,
    long? MinTimestamp,
    long? MaxTimestamp,
    long BaselineRuns,
    long SelectedRuns,
    double? BaselineAvgTokens,
    double? SelectedAvgTokens,
    IReadOnlyList<Posterior> Posteriors,
    IReadOnlyList<string> HiddenArms,
    IReadOnlyList<string> NeverReferenced)
{
    public double? TokenSavingsPercent => BaselineAvgTokens is { } b && SelectedAvgTokens is { } s && b > 0 ? (b - s) / b * 100 : null;

    public static LearningStatus Compute(ILearningStore store, string agentId, LearningConfig config)
    {
        var calculator = new PosteriorCalculator(config);
        long count = 0, tokens = 0, baseline = 0, selected = 0, baselineTokens = 0, selectedTokens = 0, baselineWithUsage = 0, selectedWithUsage = 0;
        long? min = null, max = null;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var hiddenNow = new SortedSet<string>(StringComparer.Ordinal);
        TimeOrder.Apply(store.TracesInTimeOrder(agentId), store.Events(agentId), calculator.Apply, trace =>
        {
            calculator.Apply(trace);
            count++;
            min ??= trace.Timestamp;
            max = trace.Timestamp;
            if (trace.IsBaseline) baseline++;
            else selected++;
            if (trace.Usage is { } usage)
            {
                tokens += usage.Total;
                if (trace.IsBaseline) { baselineTokens += usage.Total; baselineWithUsage++; }
                else { selectedTokens += usage.Total; selectedWithUsage++; }
            }
            hiddenNow.Clear();
            foreach (var arm in trace.Arms)
            {
                seen.Add(arm.ArmId);
                if (arm.Referenced) referenced.Add(arm.ArmId);
                if (!arm.Included && arm.ArmId.StartsWith("memory:", StringComparison.Ordinal)) hiddenNow.Add(arm.ArmId);
            }
        });
        return new LearningStatus(agentId, count, tokens, min, max, baseline, selected,
            baselineWithUsage > 0 ? (double)baselineTokens / baselineWithUsage : null,
            selectedWithUsage > 0 ? (double)selectedTokens / selectedWithUsage : null,
            calculator.Posteriors(), hiddenNow.ToList(), seen.Where(a => !referenced.Contains(a)).ToList());
    }
}
