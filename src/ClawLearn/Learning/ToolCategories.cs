namespace ClawLearn.Learning;

/// <summary>
/// A tool's category from its name's prefix, case-insensitively, first match wins (learning-layer 1.1):
/// bash|exec|shell|run → exec; read|write|edit|glob|grep → fs; memory|remember|recall → memory;
/// web|fetch|browse|search → web; send|reply|message → messaging; else other.
/// </summary>
public static class ToolCategories
{
    private static readonly (string Category, string[] Prefixes)[] Rules =
    [
        ("exec", ["bash", "exec", "shell", "run"]),
        ("fs", ["read", "write", "edit", "glob", "grep"]),
        ("memory", ["memory", "remember", "recall"]),
        ("web", ["web", "fetch", "browse", "search"]),
        ("messaging", ["send", "reply", "message"]),
    ];

    public static string Of(string toolName)
    {
        foreach (var (category, prefixes) in Rules)
        {
            foreach (var prefix in prefixes)
            {
                if (toolName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return category;
            }
        }
        return "other";
    }
}
