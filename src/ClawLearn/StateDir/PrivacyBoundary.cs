using System.Text.RegularExpressions;

namespace ClawLearn.StateDir;

/// <summary>
/// The one place that decides which files ClawLearn must never read (trace-contract section 1, openclaw-formats
/// A7): credentials, dotenv files, config backups, agent auth and model files, browser profiles, the memory
/// search index, locks, temp files and compaction backups. <see cref="SafeFileAccess"/> asks it before every
/// open, and discovery asks it before listing a file, so a forbidden file is never opened by accident.
/// </summary>
public static partial class PrivacyBoundary
{
    /// <summary>
    /// Returns why <paramref name="fullPath"/> must not be read, or null when it may be. Paths inside the state
    /// directory are judged by their place in it; every path is also judged by its name.
    /// </summary>
    public static string? ForbiddenReason(string stateDir, string fullPath)
    {
        if (Judge(stateDir, fullPath) is { } reason) return reason;
        // A link is judged by where it leads too: sessions/x.jsonl -> ../credentials/y must not be read.
        var real = RealPath.Resolve(fullPath);
        return real == fullPath ? null : Judge(stateDir, real) ?? Judge(RealPath.Resolve(stateDir), real);
    }

    private static string? Judge(string stateDir, string fullPath)
    {
        var relative = Path.GetRelativePath(stateDir, fullPath).Replace('\\', '/');
        var insideStateDir = !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && !Path.IsPathRooted(relative);
        if (insideStateDir && ForbiddenInStateDir(relative) is { } placeReason) return placeReason;
        return ForbiddenByName(fullPath.Replace('\\', '/'));
    }

    // Names are compared case-insensitively: on macOS and Windows "Credentials/" is the same folder.
    private static string? ForbiddenInStateDir(string relative)
    {
        var segments = relative.ToLowerInvariant().Split('/');
        var first = segments[0];
        if (first == "credentials") return "credentials";
        if (first == "browser") return "browser profiles and cookies";
        if (segments.Length >= 3 && first == "agents" && segments[2] == "agent"
            && segments.Length == 4 && segments[3] is "auth-profiles.json" or "auth.json" or "models.json")
            return "agent credentials and model keys";
        if (segments.Length == 2 && first == "memory" && segments[1].EndsWith(".sqlite", StringComparison.Ordinal))
            return "memory search index";
        if (segments.Length == 1 && ConfigBackup().IsMatch(first)) return "config backup (may hold old secrets)";
        return null;
    }

    private static string? ForbiddenByName(string path)
    {
        var segments = path.ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = segments.Length > 0 ? segments[^1] : path.ToLowerInvariant();
        if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal)) return "dotenv secrets";
        if (name.EndsWith(".lock", StringComparison.Ordinal)) return "lock file";
        if (name.EndsWith(".tmp", StringComparison.Ordinal)) return "temporary file";
        if (CompactionBackup().IsMatch(name)) return "compaction backup (duplicates the live transcript)";
        foreach (var segment in segments.AsSpan(0, Math.Max(0, segments.Length - 1)))
        {
            if (segment == ".git") return "git internals";
            if (segment == ".dreams") return "dreaming machine state";
        }
        return null;
    }

    [GeneratedRegex(@"^(openclaw|clawdbot|moltbot|moldbot)\.json\.bak", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConfigBackup();

    [GeneratedRegex(@"\.jsonl\.bak\.", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CompactionBackup();
}
