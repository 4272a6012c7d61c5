namespace ClawLearn.Wiki;

/// <summary>
/// A page the wiki produces: where it goes, its frontmatter fields, and its generated body (what sits between the
/// markers). <see cref="AllSources"/> are the source refs that fed it; the frontmatter lists the most recent of them.
/// </summary>
public sealed record WikiPage(
    string Path,
    string Title,
    string Category,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> AllSources,
    string Summary,
    string Body,
    Provenance Provenance,
    string? SourcePath = null)
{
    public const int MaxListedSources = 20;

    public string Name => PageNames.LinkName(Path);

    public IReadOnlyList<string> Sources => AllSources.Take(MaxListedSources).ToList();

    /// <summary>B6: <c>min(distinct sources / 3, 1) · 0.5 + quality · 0.5</c>, with every OpenClaw source counted as a
    /// session transcript (quality 0.5); one source gives the 0.42 history-ingest pages start at.</summary>
    public double BaseConfidence => Math.Round(Math.Min(Sources.Count / 3.0, 1) * 0.5 + 0.25, 2);
}
