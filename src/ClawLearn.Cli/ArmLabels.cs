namespace ClawLearn.Cli;

/// <summary>
/// Resolves what a user typed to an arm id, as the reference's <c>/learning reward</c> does: an id with a colon
/// is taken as is when known (else the first known id equal to it but for case); otherwise the arm whose last segment
/// equals it (case-insensitively), else the one arm whose id contains it. Ambiguous labels resolve to nothing.
/// </summary>
/// <remarks>
/// The known ids are indexed once, so a request naming many labels costs a lookup per label, not a pass over every
/// arm per label (a reset naming 56,000 labels of a store with 56,000 arms took 50 s). Only a label that neither
/// equals an id nor ends one still searches every id for it.
/// </remarks>
internal sealed class ArmLabels
{
    private readonly IReadOnlyList<string> _known;
    private readonly HashSet<string> _exact;
    private readonly Dictionary<string, string> _ignoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _byLastSegment = new(StringComparer.OrdinalIgnoreCase);

    public ArmLabels(IReadOnlyList<string> known)
    {
        _known = known;
        _exact = new HashSet<string>(known, StringComparer.Ordinal);
        foreach (var id in known)
        {
            _ignoringCase.TryAdd(id, id);
            var last = id[(id.LastIndexOf(':') + 1)..];
            if (!_byLastSegment.TryGetValue(last, out var ids)) _byLastSegment[last] = ids = [];
            ids.Add(id);
        }
    }

    public string? Resolve(string label)
    {
        if (_exact.Contains(label)) return label;
        if (label.Contains(':')) return _ignoringCase.GetValueOrDefault(label);
        var byLast = _byLastSegment.GetValueOrDefault(label);
        if (byLast is not null) return byLast.Count == 1 ? byLast[0] : null;
        string? only = null;
        foreach (var id in _known)
        {
            if (!id.Contains(label, StringComparison.OrdinalIgnoreCase)) continue;
            if (only is not null) return null;
            only = id;
        }
        return only;
    }

    /// <summary>Why <paramref name="label"/> resolves to nothing: no arm matches it, or several do (some named).</summary>
    public string NoMatch(string label, string agentId)
    {
        var matches = label.Contains(':') ? []
            : _byLastSegment.GetValueOrDefault(label) ?? _known.Where(id => id.Contains(label, StringComparison.OrdinalIgnoreCase)).Take(4).ToList();
        return matches.Count < 2
            ? $"no arm matches '{label}' for agent '{agentId}'"
            : $"'{label}' matches several arms of agent '{agentId}' ({string.Join(", ", matches.Take(3))}{(matches.Count > 3 ? ", …" : "")}); give the whole id";
    }
}
