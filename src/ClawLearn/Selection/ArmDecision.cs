namespace ClawLearn.Selection;

/// <summary>
/// What selection decided for one arm: included or not, its Thompson score (null for a baseline draw), whether it
/// was a seed or under-explored, and the estimated probability that the policy includes it (null when not estimated).
/// </summary>
public readonly record struct ArmDecision(string ArmId, int TokenCost, bool Included, double? Score, bool IsSeed, bool IsUnderexplored, double? Propensity);
