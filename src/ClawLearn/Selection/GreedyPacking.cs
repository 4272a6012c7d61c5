namespace ClawLearn.Selection;

/// <summary>
/// Greedy packing in a given order: an arm is included when it still fits the budget; one that does not fit is
/// skipped and the scan goes on, so a later, smaller arm can still fit (the reference did the same).
/// </summary>
public static class GreedyPacking
{
    public static bool[] Pack(IReadOnlyList<SelectionArm> arms, IReadOnlyList<int> order, int budget, out int used)
    {
        var included = new bool[arms.Count];
        var total = 0L; // long: costs near int.MaxValue must not wrap around and "fit"
        foreach (var i in order)
        {
            var cost = Math.Max(0, arms[i].TokenCost);
            if (cost > budget - total) continue;
            included[i] = true;
            total += cost;
        }
        used = (int)total; // never more than the budget
        return included;
    }

    /// <summary>The same packing into caller-owned memory (selection rents it, so a call allocates nothing here).</summary>
    internal static int Pack(ReadOnlySpan<int> costs, ReadOnlySpan<int> order, int budget, Span<bool> included)
    {
        included.Clear();
        var total = 0L;
        foreach (var i in order)
        {
            var cost = Math.Max(0, costs[i]);
            if (cost > budget - total) continue;
            included[i] = true;
            total += cost;
        }
        return (int)total;
    }
}
