namespace ClawLearn.Wiki;

/// <summary>
/// How a source is named in the vault. The manifest key is an absolute path with the home directory written as
/// <c>~</c> (B3: "absolute-or-~ path"); a SQLite session adds <c>#&lt;session id&gt;</c>. Pages cite sources as
/// <c>openclaw://&lt;path in the state directory&gt;</c> (B4's wiki-agent form), which never shows the home directory.
/// </summary>
public sealed class SourcePaths(string stateRoot, string home)
{
    private readonly string _root = Path.GetFullPath(stateRoot);
    private readonly string _home = home.Length > 0 ? Path.GetFullPath(home) : "";

    public string Key(string path, string? sessionId = null)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        var home = _home.Replace('\\', '/').TrimEnd('/');
        if (home.Length > 1 && full.StartsWith(home + "/", StringComparison.Ordinal)) full = "~" + full[home.Length..];
        return sessionId is null ? full : $"{full}#{sessionId}";
    }

    public string Ref(string path, string? sessionId = null)
    {
        var relative = Path.GetRelativePath(_root, Path.GetFullPath(path)).Replace('\\', '/');
        var inside = !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && !Path.IsPathRooted(relative);
        var where = inside ? relative : Key(path);
        return "openclaw://" + where + (sessionId is null ? "" : $"#{sessionId}");
    }

    /// <summary>The state directory itself, as the manifest's <c>openclaw.source_path</c> (with a trailing slash).</summary>
    public string StateDir => Key(_root).TrimEnd('/') + "/";
}
