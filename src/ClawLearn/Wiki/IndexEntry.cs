namespace ClawLearn.Wiki;

/// <summary>One page as <c>index.md</c> lists it: where it is, its one-line summary and its tags.</summary>
public sealed record IndexEntry(string Path, string Summary, IReadOnlyList<string> Tags)
{
    /// <summary>An entry for a page on disk, from its frontmatter (the title, then the file name, when it has no summary).</summary>
    public static IndexEntry FromFile(string relative, string text)
    {
        var (frontmatter, _) = Frontmatter.Split(text);
        var summary = frontmatter?.Scalar("summary") ?? frontmatter?.Scalar("title") ?? PageNames.LinkName(relative);
        var tags = frontmatter?.List("tags")?.Where(t => !t.StartsWith("visibility/", StringComparison.Ordinal)).ToList() ?? [];
        return new IndexEntry(relative, summary, tags);
    }
}
