namespace ClawLearn.Wiki;

/// <summary>
/// Page file names (B2: lowercase, hyphenated, about 50 characters at most, no dates for knowledge pages) and the
/// vault folders each kind of page goes to. Kinds get distinct prefixes so basenames stay unique across the vault,
/// which keeps <c>[[name]]</c> links unambiguous.
/// </summary>
public static class PageNames
{
    public const int MaxSlugChars = 50;

    public const string ContextHealth = "context-health";

    public static string Slug(string text)
    {
        var slug = ClawLearn.Workspace.Slug.From(text.StartsWith("Session:", StringComparison.OrdinalIgnoreCase) ? text[8..] : text);
        if (slug.Length <= MaxSlugChars) return slug;
        var cut = slug.LastIndexOf('-', MaxSlugChars);
        return (cut > MaxSlugChars / 2 ? slug[..cut] : slug[..MaxSlugChars]).Trim('-');
    }

    public static string Topic(string slug) => $"concepts/{slug}.md";
    public static string Project(string slug) => $"projects/{slug}/{slug}.md";
    public static string Tool(string name) => $"entities/tool-{NonEmpty(Slug(name))}.md";
    public static string Skill(string name) => $"entities/skill-{NonEmpty(Slug(name))}.md";
    public static string Journal(string month) => $"journal/{month}.md";
    public static string Sessions(string agentId) => $"references/sessions-{Slug(agentId)}.md";
    public static string Health => $"synthesis/{ContextHealth}.md";

    private static string NonEmpty(string slug) => slug.Length > 0 ? slug : "unnamed";

    /// <summary>The link target of a vault path: its file name without <c>.md</c>.</summary>
    public static string LinkName(string vaultPath) => Path.GetFileNameWithoutExtension(vaultPath);
}
