namespace ClawLearn.Wiki;

/// <summary>What every page builder needs: the model, the topic clusters and the page directory for links.</summary>
public sealed record PageContext(WikiModel Model, TopicMap Map, PageDirectory Directory)
{
    public const int MaxLines = 30;

    /// <summary>The path of a page key when that page exists in this vault.</summary>
    public string? PathOf(string key) => Directory.Get(key);

    public string? JournalPath(DateOnly date) => Directory.Get($"journal:{WikiDates.Month(date)}");

    public string? SessionsPath(string agentId) => Directory.Get($"sessions:{agentId}");

    public string? HealthPath => Directory.Get("health");

    /// <summary>Ends a page: its sources (the first of them; the frontmatter lists the same) and related pages, topped
    /// up with the index so that every page links to at least two others.</summary>
    public static string Finish(PageBody body, IReadOnlyList<string> sources, IEnumerable<(string Path, string Why)> related)
    {
        body.Heading(2, "Sources");
        foreach (var source in sources.Take(WikiPage.MaxListedSources)) body.Bullet($"`{source}`");
        if (sources.Count > WikiPage.MaxListedSources) body.Bullet($"… and {PageBody.Count(sources.Count - WikiPage.MaxListedSources)} more");
        body.EndList();
        var links = related.DistinctBy(r => r.Path).ToList();
        body.Heading(2, "Related");
        foreach (var (path, why) in links) body.Bullet($"{body.Link(path)} — {why}");
        if (body.Links.Count < 2) body.Bullet("[[index]] — every page of this vault");
        return body.ToString();
    }

    /// <summary>At most <paramref name="max"/> lines as claims, then how many more there are and where.</summary>
    public static void Lines(PageBody body, IReadOnlyList<string> lines, string where, int max = MaxLines, ClaimKind kind = ClaimKind.Extracted)
    {
        foreach (var line in lines.Take(max)) body.Claim(PageBody.Inline(line), kind);
        if (lines.Count > max) body.Bullet($"… and {PageBody.Count(lines.Count - max)} more lines in {where}");
        body.EndList();
    }

    /// <summary>A one-line summary for frontmatter and the index: at most 200 characters, one line.</summary>
    public static string Summary(string text) => ChatText.Clip(PageBody.Inline(Redactor.Redact(text)), 200);
}
