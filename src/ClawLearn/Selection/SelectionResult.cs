namespace ClawLearn.Selection;

/// <summary>A selection: every arm's decision in packing order, whether this was a baseline draw, and the tokens used.</summary>
public sealed record SelectionResult(IReadOnlyList<ArmDecision> Arms, bool IsBaseline, int TokenBudget, int UsedTokens)
{
    public IEnumerable<ArmDecision> Selected => Arms.Where(a => a.Included);
    public IEnumerable<ArmDecision> Excluded => Arms.Where(a => !a.Included);
}
