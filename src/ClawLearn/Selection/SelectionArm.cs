namespace ClawLearn.Selection;

/// <summary>A prompt component that selection may include or leave out, with its cost in tokens.</summary>
public sealed record SelectionArm(string ArmId, int TokenCost);
