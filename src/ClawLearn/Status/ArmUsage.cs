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
    private readonly SortedSet<string> _hiddenNow = new(StringComparer.Ordinal);
    private long _latest = long.MinValue;
    private string _latestId = "";

    public void Add(RunTrace trace)
    {
        // The hidden list describes the workspace as the newest run saw it; an older run arriving late must not replace it.
        var newest = trace.Timestamp > _latest || (trace.Timestamp == _latest && string.CompareOrdinal(trace.TraceId, _latestId) >= 0);
        if (newest)
        {
            (_latest, _latestId) = (trace.Timestamp, trace.TraceId);
            _hiddenNow.Clear();
        }
        foreach (var arm in trace.Arms)
        {
            _seen.Add(arm.ArmId);
            if (arm.Referenced) _referenced.Add(arm.ArmId);
            if (newest && !arm.Included && arm.ArmId.StartsWith("memory:", StringComparison.Ordinal)) _hiddenNow.Add(arm.ArmId);
        }
    }

    /// <summary>MEMORY.md arms that the newest run had but could not see (truncated away), by id.</summary>
    public IReadOnlyList<string> HiddenNow => _hiddenNow.ToList();

    /// <summary>Arms seen in some run and referenced by none, by id.</summary>
    public IReadOnlyList<string> NeverReferenced => _seen.Where(a => !_referenced.Contains(a)).Order(StringComparer.Ordinal).ToList();

    public bool IsHidden(string armId) => _hiddenNow.Contains(armId);
}
