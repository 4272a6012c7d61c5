namespace ClawLearn.Replay;

/// <summary>What a replay found for one policy, over all runs and window by window.</summary>
public sealed record PolicyReport(
    string Policy,
    long Runs,
    long PromptTokens,
    long TokensSaved,
    long ReferencedArms,
    long Misses,
    IReadOnlyList<WindowReport> Windows,
    IReadOnlyList<ArmMisses> MissesByArm)
{
    /// <summary>Share of prompt-component tokens the policy would have left out.</summary>
    public double SavedPercent => PromptTokens == 0 ? 0 : 100.0 * TokensSaved / PromptTokens;

    /// <summary>Share of arms the runs used that the policy would have left out.</summary>
    public double MissRate => ReferencedArms == 0 ? 0 : (double)Misses / ReferencedArms;
}

/// <summary>One time window of a replay: its runs, and savings and misses within it.</summary>
public sealed record WindowReport(long FirstTimestamp, long LastTimestamp, long Runs, double SavedPercent, double MissRate);

/// <summary>How often one arm was left out of a run that used it.</summary>
public sealed record ArmMisses(string ArmId, long Misses, long Referenced);

/// <summary>A replay of an agent's history under several policies.</summary>
public sealed record ReplayReport(string AgentId, int TokenBudget, int PhaseInAfter, double? DecayHalfLifeDays, string PartitionBy, long Runs, IReadOnlyList<PolicyReport> Policies);
