namespace ClawLearn.StateDir;

/// <summary><c>~</c> expansion the way OpenClaw does it: <c>~</c> and <c>~/…</c> mean <c>$HOME</c>.</summary>
public static class PathExpansion
{
    public static string ExpandHome(string path, string? home = null)
    {
        if (path != "~" && !path.StartsWith("~/", StringComparison.Ordinal)) return path;
        home ??= HomeDirectory();
        return path.Length == 1 ? home : Path.Combine(home, path[2..]);
    }

    public static string HomeDirectory() =>
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home
            ? home
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
