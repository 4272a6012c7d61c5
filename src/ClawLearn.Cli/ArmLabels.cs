namespace ClawLearn.Cli;

/// <summary>
/// Resolves what a user typed to an arm id, as the reference's <c>/learning reward</c> does: an id with a colon
/// is taken as is when known; otherwise the arm whose last segment equals it (case-insensitively), else the one
/// arm whose id contains it. Ambiguous labels resolve to nothing.
/// </summary>
internal static class ArmLabels
{
    public static string? Resolve(string label, IReadOnlyList<string> known)
    {
        if (known.Contains(label)) return label;
        if (label.Contains(':')) return known.FirstOrDefault(a => string.Equals(a, label, StringComparison.OrdinalIgnoreCase));
        var byLast = known.Where(a => string.Equals(a[(a.LastIndexOf(':') + 1)..], label, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byLast.Count == 1) return byLast[0];
        var contains = known.Where(a => a.Contains(label, StringComparison.OrdinalIgnoreCase)).ToList();
        return byLast.Count == 0 && contains.Count == 1 ? contains[0] : null;
    }
}
