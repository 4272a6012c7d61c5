using ClawLearn.StateDir;

namespace ClawLearn.Wiki;

/// <summary>
/// Where a vault may go. Never inside the state directory or a workspace: the wiki is written there, and a vault under
/// <c>memory/</c> would even feed itself back as notes. Paths are compared after symbolic links are resolved, so a
/// link that leads into the state directory (or a folder not yet made under such a link) is refused too.
/// </summary>
public static class WikiVault
{
    private const int MaxLinkDepth = 40;

    /// <summary>Why <paramref name="vault"/> cannot be used, or null when it can.</summary>
    public static string? Problem(StateDirectory state, string vault)
    {
        var full = Path.GetFullPath(vault);
        if (File.Exists(full)) return $"--vault {vault} is a file, not a folder";
        var real = RealPath(full);
        if (Inside(real, RealPath(state.Root))) return $"--vault {vault} is inside the OpenClaw state directory {state.Root}; choose a folder outside it";
        foreach (var agent in state.Agents)
        {
            if (Inside(real, RealPath(agent.WorkspacePath)))
                return $"--vault {vault} is inside the workspace of agent '{agent.Id}' ({agent.WorkspacePath}); choose a folder outside it";
        }
        return null;
    }

    /// <summary>
    /// The path with every symbolic link resolved: those of its nearest existing ancestor, then the parts that do not
    /// exist yet appended as they are (they cannot be links).
    /// </summary>
    public static string RealPath(string path)
    {
        var existing = Path.GetFullPath(path).TrimEnd('/', '\\');
        var missing = new Stack<string>();
        while (existing.Length > 0 && !Directory.Exists(existing) && !File.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }
        var real = Resolve(existing, 0);
        foreach (var part in missing) real = Path.Combine(real, part);
        return real;
    }

    private static string Resolve(string existing, int depth)
    {
        var root = Path.GetPathRoot(existing) ?? "";
        var current = root;
        foreach (var part in existing[root.Length..].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            // A link's target may itself sit under links: resolve it whole again (bounded, as a loop of links could be).
            if (info.LinkTarget is { } target && depth < MaxLinkDepth)
                current = Resolve(Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root), depth + 1);
        }
        return current.Length > 0 ? current : existing;
    }

    private static bool Inside(string path, string root)
    {
        var r = root.TrimEnd('/', '\\');
        return path == r || path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
