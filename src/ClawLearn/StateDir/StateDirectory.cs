using ClawLearn.Config;
using ClawLearn.Workspace;

namespace ClawLearn.StateDir;

/// <summary>
/// An opened OpenClaw state directory: its config, its agents and where their history and workspaces are.
/// Every read goes through <see cref="Files"/>, which enforces the privacy boundary.
/// </summary>
public sealed class StateDirectory
{
    private StateDirectory(ResolvedStateDir resolved, OpenClawConfig config, IReadOnlyList<AgentLayout> agents, SafeFileAccess files)
    {
        Resolved = resolved;
        Config = config;
        Agents = agents;
        Files = files;
    }

    public ResolvedStateDir Resolved { get; }
    public string Root => Resolved.Path;
    public OpenClawConfig Config { get; }
    public IReadOnlyList<AgentLayout> Agents { get; }
    public SafeFileAccess Files { get; }

    /// <summary>Opens a resolved state directory and reads its config.</summary>
    /// <exception cref="DirectoryNotFoundException">The state directory does not exist.</exception>
    /// <exception cref="ConfigException">The config (or an include) is invalid.</exception>
    public static StateDirectory Open(ResolvedStateDir resolved, SafeFileAccess? files = null)
    {
        if (!resolved.Exists)
            throw new DirectoryNotFoundException($"OpenClaw state directory not found: {resolved.Path} (chosen by {Describe(resolved.Source)})");
        files ??= new SafeFileAccess(resolved.Path);
        var config = File.Exists(resolved.ConfigPath)
            ? OpenClawConfig.From(ConfigLoader.Load(resolved.ConfigPath, files))
            : OpenClawConfig.Empty;
        return new StateDirectory(resolved, config, DiscoverAgents(resolved, config), files);
    }

    public AgentLayout? Agent(string id) => Agents.FirstOrDefault(a => a.Id == AgentIds.Normalize(id));

    /// <summary>Every agent, or only the one with id <paramref name="only"/> (already normalised) when it is given.</summary>
    public IReadOnlyList<AgentLayout> AgentsOrOnly(string? only) => only is null ? Agents : Agents.Where(a => a.Id == only).ToList();

    /// <summary>Reads an agent's workspace (bootstrap files, MEMORY.md sections, daily notes).</summary>
    public AgentWorkspace ReadWorkspace(AgentLayout agent) =>
        WorkspaceReader.Read(agent.WorkspacePath, Config.BootstrapMaxChars, Files);

    public string Relative(string path)
    {
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Describe(StateDirSource source) => source switch
    {
        StateDirSource.CommandLine => "--state-dir",
        StateDirSource.Environment => "OPENCLAW_STATE_DIR",
        StateDirSource.Legacy => "a legacy directory name",
        _ => "the default ~/.openclaw",
    };

    private static List<AgentLayout> DiscoverAgents(ResolvedStateDir resolved, OpenClawConfig config)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        // Normalised id → the folder's real name: "agents/Helper" is agent "helper", read from "agents/Helper".
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        var agentsDir = Path.Combine(resolved.Path, "agents");
        if (Directory.Exists(agentsDir))
        {
            foreach (var dir in Directory.EnumerateDirectories(agentsDir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(dir);
                var id = AgentIds.Normalize(name);
                ids.Add(id);
                if (!folders.TryAdd(id, name) && name == id) folders[id] = name; // an exact match wins over a variant
            }
        }
        foreach (var entry in config.Agents) ids.Add(entry.Id);
        if (Directory.Exists(Path.Combine(resolved.Path, "sessions"))) ids.Add(AgentIds.Main);
        if (ids.Count == 0) ids.Add(config.DefaultAgentId);

        var defaultId = config.DefaultAgentId;
        return ids.Select(id => Layout(resolved, config, id, folders.GetValueOrDefault(id, id), id == defaultId))
            .OrderByDescending(a => a.IsDefault).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    private static AgentLayout Layout(ResolvedStateDir resolved, OpenClawConfig config, string id, string folder, bool isDefault)
    {
        var entry = config.Agents.FirstOrDefault(a => a.Id == id);
        var agentRoot = Path.Combine(resolved.Path, "agents", folder);
        // A session.store without {agentId} is one shared store; it is read once, for the default agent, so
        // no transcript is counted once per agent. Other agents keep their own folders.
        var store = config.SessionStore is { Length: > 0 } s && (isDefault || s.Contains("{agentId}", StringComparison.Ordinal)) ? s : null;
        var indexPath = store is not null
            ? ConfiguredPath(resolved, store.Replace("{agentId}", id, StringComparison.Ordinal), "session.store")
            : Path.Combine(agentRoot, "sessions", "sessions.json");
        var agentDir = entry?.AgentDir is { Length: > 0 } custom
            ? ConfiguredPath(resolved, custom, $"agent '{id}' agentDir")
            : Path.Combine(agentRoot, "agent");
        var (workspace, source) = ResolveWorkspace(resolved, config, entry, id, isDefault);
        return new AgentLayout(id, isDefault, entry is not null, Path.GetDirectoryName(indexPath)!, indexPath,
            Path.Combine(agentDir, "openclaw-agent.sqlite"), workspace, source);
    }

    // A path from the config, made absolute against the state directory. One the file system cannot name (a NUL
    // character, which JSON carries as \u0000) is a config error, not a crash.
    private static string ConfiguredPath(ResolvedStateDir resolved, string value, string setting)
    {
        if (value.Contains('\0')) Throw.Config(resolved.ConfigPath, $"{setting} is not a usable path: it contains a NUL character");
        return Path.GetFullPath(PathExpansion.ExpandHome(value, resolved.Home), resolved.Path);
    }

    private static (string, WorkspaceSource) ResolveWorkspace(ResolvedStateDir resolved, OpenClawConfig config, AgentEntry? entry,
        string id, bool isDefault)
    {
        if (entry?.Workspace is { Length: > 0 } own) return (ConfiguredPath(resolved, own, $"agent '{id}' workspace"), WorkspaceSource.AgentConfig);
        if (isDefault && config.DefaultsWorkspace is { Length: > 0 } shared)
            return (ConfiguredPath(resolved, shared, "agents.defaults.workspace"), WorkspaceSource.DefaultsConfig);

        var folder = isDefault ? "workspace" : $"workspace-{id}";
        var home = Path.Combine(resolved.Home, ".openclaw", folder);
        var inStateDir = Path.Combine(resolved.Path, folder);
        // A relocated state directory (a copy, a test fixture) most likely carries its own workspace; prefer it
        // when it exists, so analysing a copy never silently mixes in the live ~/.openclaw workspace.
        if (Directory.Exists(inStateDir)) return (inStateDir, WorkspaceSource.StateDir);
        if (Directory.Exists(home)) return (home, WorkspaceSource.HomeDefault);
        return string.Equals(Path.GetFullPath(home), Path.GetFullPath(inStateDir), StringComparison.Ordinal)
            ? (home, WorkspaceSource.HomeDefault)
            : (inStateDir, WorkspaceSource.StateDir);
    }
}
