namespace ClawLearn.Wiki;

/// <summary>
/// Hands out page paths so that every basename in the vault is unique (a clash gets <c>-2</c>, <c>-3</c>…), which keeps
/// <c>[[name]]</c> links unambiguous. Basenames of the user's own pages (no markers) are reserved: a generated page
/// never takes over one of theirs, nor shares its name from another folder. Pages this tool generated before keep
/// their paths (see <see cref="PagePlanner"/>), and the rest are claimed in a fixed order, so names are stable.
/// </summary>
public sealed class PageDirectory(IEnumerable<string>? reservedNames = null)
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(["index", "log", "hot", "_insights", .. reservedNames ?? []], StringComparer.OrdinalIgnoreCase);

    public string Claim(string key, string desiredPath)
    {
        if (_paths.TryGetValue(key, out var existing)) return existing;
        var path = desiredPath;
        for (var n = 2; !_names.Add(PageNames.LinkName(path)); n++) path = WithSuffix(desiredPath, n);
        _paths[key] = path;
        return path;
    }

    public string? Get(string key) => _paths.GetValueOrDefault(key);

    public IEnumerable<string> Paths => _paths.Values;

    // projects/x/x.md becomes projects/x-2/x-2.md; other pages get the suffix on the file name only.
    private static string WithSuffix(string path, int n)
    {
        var name = PageNames.LinkName(path);
        var parts = path.Split('/');
        if (parts.Length == 3 && parts[0] == "projects") return $"projects/{name}-{n}/{name}-{n}.md";
        return $"{string.Join('/', parts[..^1])}/{name}-{n}.md";
    }
}
