using ClawLearn.StateDir;

namespace ClawLearn.Wiki;

/// <summary>
/// Where a vault may go. Never inside the state directory or a workspace: the wiki is written there, and a vault under
/// <c>memory/</c> would even feed itself back as notes.
/// </summary>
public static class WikiVault
{
    /// <summary>Why <paramref name="vault"/> cannot be used, or null when it can.</summary>
    public static string? Problem(StateDirectory state, string vault)
    {
        var full = Path.GetFullPath(vault);
        if (File.Exists(full)) return $"--vault {vault} is a file, not a folder";
        if (Inside(full, state.Root)) return $"--vault {vault} is inside the OpenClaw state directory {state.Root}; choose a folder outside it";
        foreach (var agent in state.Agents)
        {
            if (Inside(full, agent.WorkspacePath)) return $"--vault {vault} is inside the workspace of agent '{agent.Id}' ({agent.WorkspacePath}); choose a folder outside it";
        }
        return null;
    }

    private static bool Inside(string path, string root)
    {
        var r = Path.GetFullPath(root).TrimEnd('/', '\\');
        return path == r || path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
