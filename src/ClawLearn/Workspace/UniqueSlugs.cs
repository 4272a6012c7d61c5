namespace ClawLearn.Workspace;

/// <summary>
/// The slugs already given out within one MEMORY.md, and the rule that makes the next one unique: a heading's slug
/// ("section" when it has none) within its scope, else with <c>-2</c>, <c>-3</c>… — the first of those not taken.
/// Arms (<see cref="MemorySections"/>) and wiki pages are named by it alike.
/// </summary>
/// <remarks>
/// Each base remembers the number its search stopped at. Names are only ever added, so every number below that
/// one is still taken and the search goes on from there: a file with thousands of sections of one heading costs
/// a lookup per section instead of one per earlier section (30,000 such sections took ~20 s).
/// </remarks>
public sealed class UniqueSlugs
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextNumber = new(StringComparer.Ordinal);

    /// <summary>Takes a name as it is (a section's reserved <c>main</c> arm), so no heading is given it.</summary>
    public void Reserve(string scopedName) => _used.Add(scopedName);

    /// <summary>The unique slug of <paramref name="heading"/> within <paramref name="scope"/>, now taken.</summary>
    public string Take(string heading, string scope)
    {
        var slug = Slug.From(heading) is { Length: > 0 } s ? s : "section";
        if (_used.Add(scope + slug)) return slug;
        var key = scope + slug;
        var n = _nextNumber.GetValueOrDefault(key, 2);
        string candidate;
        while (!_used.Add(scope + (candidate = $"{slug}-{n}"))) n++;
        _nextNumber[key] = n + 1;
        return candidate;
    }
}
