namespace ClawLearn.StateDir;

/// <summary>
/// Finds the OpenClaw state directory: <c>--state-dir</c>, then <c>OPENCLAW_STATE_DIR</c> (or the legacy
/// <c>CLAWDBOT_STATE_DIR</c>), then <c>~/.openclaw</c> if it exists, then the first existing legacy
/// directory (<c>~/.clawdbot</c>, <c>~/.moltbot</c>, <c>~/.moldbot</c>), else <c>~/.openclaw</c>.
/// The config is <c>OPENCLAW_CONFIG_PATH</c> (or <c>CLAWDBOT_CONFIG_PATH</c>), else <c>openclaw.json</c>
/// in the state directory, falling back to the legacy file names.
/// </summary>
public static class StateDirResolver
{
    private static readonly string[] LegacyDirNames = [".clawdbot", ".moltbot", ".moldbot"];
    private static readonly string[] ConfigNames = ["openclaw.json", "clawdbot.json", "moltbot.json", "moldbot.json"];

    public static ResolvedStateDir Resolve(string? commandLine) =>
        Resolve(commandLine, Environment.GetEnvironmentVariable, PathExpansion.HomeDirectory());

    public static ResolvedStateDir Resolve(string? commandLine, Func<string, string?> env, string home)
    {
        var (path, source) = ResolveDirectory(commandLine, env, home);
        return new ResolvedStateDir(path, source, ResolveConfig(path, env, home), home);
    }

    private static (string, StateDirSource) ResolveDirectory(string? commandLine, Func<string, string?> env, string home)
    {
        if (!string.IsNullOrWhiteSpace(commandLine))
            return (Normalize(commandLine, home), StateDirSource.CommandLine);
        foreach (var name in (string[])["OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR"])
        {
            if (env(name) is { } value && !string.IsNullOrWhiteSpace(value))
                return (Normalize(value, home), StateDirSource.Environment);
        }
        var standard = Path.Combine(home, ".openclaw");
        if (Directory.Exists(standard)) return (standard, StateDirSource.Default);
        foreach (var legacy in LegacyDirNames)
        {
            var candidate = Path.Combine(home, legacy);
            if (Directory.Exists(candidate)) return (candidate, StateDirSource.Legacy);
        }
        return (standard, StateDirSource.Default);
    }

    private static string ResolveConfig(string stateDir, Func<string, string?> env, string home)
    {
        foreach (var name in (string[])["OPENCLAW_CONFIG_PATH", "CLAWDBOT_CONFIG_PATH"])
        {
            if (env(name) is { } value && !string.IsNullOrWhiteSpace(value)) return Normalize(value, home);
        }
        foreach (var name in ConfigNames)
        {
            var candidate = Path.Combine(stateDir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(stateDir, ConfigNames[0]);
    }

    private static string Normalize(string path, string home) =>
        Path.GetFullPath(PathExpansion.ExpandHome(path.Trim(), home));
}
