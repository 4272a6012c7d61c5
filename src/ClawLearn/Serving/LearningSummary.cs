namespace ClawLearn.Serving;

/// <summary>
/// <c>GET summary</c>: the reference's fields (learning-layer 4.1) plus the agent, and the MEMORY.md arms that
/// truncation hides from the newest run.
/// </summary>
public sealed record LearningSummary(
    string AgentId,
    long TraceCount,
    int ArmCount,
    long? MinTimestamp,
    long? MaxTimestamp,
    long TotalTokens,
    BaselineComparison Baseline,
    IReadOnlyList<string> HiddenArms,
    int NeverReferencedCount);

/// <summary>Baseline runs against selected runs (learning-layer 2.7; averages over runs that have usage or a duration).</summary>
public sealed record BaselineComparison(
    long BaselineRuns,
    long SelectedRuns,
    double? BaselineAvgTokens,
    double? SelectedAvgTokens,
    double? TokenSavingsPercent,
    double? BaselineAvgDuration,
    double? SelectedAvgDuration);
