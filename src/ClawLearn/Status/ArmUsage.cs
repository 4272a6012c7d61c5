using ClawLearn.Learning;

namespace ClawLearn.Status;

/// <summary>
/// Which arms were ever referenced, and which MEMORY.md sections the latest run could not see because bootstrap
/// truncation cut them: the two lists that tell a user what costs tokens for nothing. Traces in time order.
/// </summary>
public sealed class ArmUsage
{
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);
    // Sorted only when asked for: every arm of every trace is added, and a sorted set compares its way down a tree.
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    // The newest trace, whose hidden arms are listed only when asked for: rebuilding the list for every trace (each is
    // the newest when they come in time order) cost a pass over its arms per trace on top of the one below.
    private RunTrace? _newest;
    private SortedSet<string>? _hiddenNow;

    public void Add(RunTrace trace)
    {
        // The hidden list describes the workspace as the newest run saw it; an older run arriving late must not replace it.
        if (_newest is null || trace.Timestamp > _newest.Timestamp
            || (trace.Timestamp == _newest.Timestamp && string.CompareOrdinal(trace.TraceId, _newest.TraceId) >= 0))
        {
            (_newest, _hiddenNow) = (trace, null);
        }
        foreach (var arm in trace.Arms)
        {
            _seen.Add(arm.ArmId);
            if (arm.Referenced) _referenced.Add(arm.ArmId);
        }
    }

    /// <summary>MEMORY.md arms that the newest run had but could not see (truncated away), by id.</summary>
    public IReadOnlyList<string> HiddenNow => Hidden.ToList();

    /// <summary>Arms seen in some run and referenced by none, by id.</summary>
    public IReadOnlyList<string> NeverReferenced => _seen.Where(a => !_referenced.Contains(a)).Order(StringComparer.Ordinal).ToList();

    public bool IsHidden(string armId) => Hidden.Contains(armId);

    private SortedSet<string> Hidden => _hiddenNow ??= new SortedSet<string>(
        (_newest?.Arms ?? []).Where(a => !a.Included && a.ArmId.StartsWith("memory:", StringComparison.Ordinal)).Select(a => a.ArmId),
        StringComparer.Ordinal);
}
