namespace ClawLearn.Wiki;

/// <summary>
/// Hands out page paths so that every basename in the vault is unique (a clash gets <c>-2</c>, <c>-3</c>…), which keeps
/// <c>[[name]]</c> links unambiguous. Pages are claimed in a fixed order, so names are stable from run to run.
/// </summary>
public sealed class PageDirectory
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase) { "index", "log", "hot", "_insights" };

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
