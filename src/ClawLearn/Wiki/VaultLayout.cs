namespace ClawLearn.Wiki;

/// <summary>
/// What in a vault is a page (B2): markdown files outside dot folders (<c>.obsidian/</c>, <c>.clawlearn/</c>),
/// <c>_archives/</c>, <c>_raw/</c> and <c>_meta/</c>, other than the special files at the root.
/// </summary>
public static class VaultLayout
{
    public const string Index = "index.md";
    public const string Log = "log.md";
    public const string Hot = "hot.md";
    public const string Manifest = ".manifest.json";
    public const string Cache = ".clawlearn/wiki-cache.json";

    private static readonly string[] Special = [Index, Log, Hot, "_insights.md"];
    private static readonly string[] Skipped = ["_archives", "_raw", "_meta"];

    /// <summary>Index sections in the template's order (B3), then Projects, then anything else.</summary>
    public static readonly (string Folder, string Section)[] Sections =
    [
        ("concepts", "Concepts"), ("entities", "Entities"), ("skills", "Skills"), ("references", "References"),
        ("synthesis", "Synthesis"), ("journal", "Journal"), ("projects", "Projects"),
    ];

    public static bool IsSpecial(string relative) => Special.Contains(relative, StringComparer.Ordinal);

    public static bool IsPage(string relative)
    {
        if (!relative.EndsWith(".md", StringComparison.Ordinal) || IsSpecial(relative)) return false;
        var segments = relative.Split('/');
        return !segments[..^1].Any(s => s.StartsWith('.') || Skipped.Contains(s, StringComparer.Ordinal)) && !segments[^1].StartsWith('.');
    }

    /// <summary>Every page in the vault, as vault-relative paths with <c>/</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> Pages(string vault)
    {
        if (!Directory.Exists(vault)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(vault, "*.md", options)
            .Select(f => Path.GetRelativePath(vault, f).Replace('\\', '/'))
            .Where(IsPage).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every markdown file lint reads: pages and the special files.</summary>
    public static IReadOnlyList<string> MarkdownFiles(string vault) =>
        Pages(vault).Concat(Special.Where(s => File.Exists(Path.Combine(vault, s)))).Order(StringComparer.Ordinal).ToList();

    public static string SectionOf(string relative)
    {
        var folder = relative.Split('/')[0];
        return Sections.FirstOrDefault(s => s.Folder == folder).Section ?? "Other";
    }
}
