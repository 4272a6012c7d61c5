namespace ClawLearn.Wiki;

/// <summary>
/// Turns a <see cref="WikiPage"/> into file text, merged with what is on disk: the generated block and the keys this
/// tool owns are replaced; the user's text outside the markers and the user's own frontmatter keys are kept, and so are
/// <c>created</c> and a lifecycle a person has changed (B4: only ingest sets <c>draft</c>). <c>updated</c> moves only
/// when something this tool writes actually changed, so a run that changes nothing rewrites nothing.
/// </summary>
public static class PageRenderer
{
    private static readonly string[] Kept = ["lifecycle", "lifecycle_changed", "created", "updated"];

    public static (string Text, PageWrite Write) Render(WikiPage page, string? existingText, DateTimeOffset now, bool force)
    {
        var existing = existingText is null ? null : PageFile.Parse(existingText);
        if (existing is { BrokenMarkers: true }) return (existingText!, PageWrite.BrokenMarkers);
        var generated = Redactor.Redact(page.Body);
        var owned = OwnedKeys(page);
        var old = existing?.Frontmatter;
        var same = existing is { HasMarkers: true } && existing.Generated == generated && old is not null
            && owned.All(o => old.Raw(o.Key) == string.Join('\n', o.Lines)) && Kept.All(old.Has);
        if (same && !force) return (existingText!, PageWrite.Unchanged);

        var stamp = WikiDates.Iso(now);
        var frontmatter = new Frontmatter();
        foreach (var (key, lines) in owned) frontmatter.Set(key, lines);
        frontmatter.Set("lifecycle", [old?.Raw("lifecycle") ?? "lifecycle: draft"]);
        frontmatter.Set("lifecycle_changed", [old?.Raw("lifecycle_changed") ?? $"lifecycle_changed: {stamp[..10]}"]);
        frontmatter.Set("created", [old?.Raw("created") ?? $"created: {stamp}"]);
        frontmatter.Set("updated", [$"updated: {stamp}"]);
        if (old is not null)
        {
            foreach (var key in old.Keys.Where(k => !frontmatter.Has(k))) frontmatter.Set(key, old.Raw(key)!.Split('\n'));
        }
        var file = new PageFile(frontmatter, existing?.Before ?? "", generated, existing?.After ?? "\n");
        // A file without markers: the generated block goes on top, its text stays below. The builder never gets here with
        // a user's page (their names are reserved, PageDirectory), but a render must never lose text either way.
        if (existing is { HasMarkers: false }) file = file with { After = "\n" + existing.After.TrimStart('\n') };
        return (file.Render(), existing is null ? PageWrite.Created : PageWrite.Updated);
    }

    private static List<(string Key, string[] Lines)> OwnedKeys(WikiPage page)
    {
        var p = page.Provenance;
        var keys = new List<(string, string[])>
        {
            ("title", [$"title: {Frontmatter.Quote(Redactor.Redact(page.Title))}"]),
            ("category", [$"category: {page.Category}"]),
            ("tags", [$"tags: {Frontmatter.FlowList(page.Tags, quoted: false)}"]),
            ("sources", [$"sources: {Frontmatter.FlowList(page.Sources, quoted: true)}"]),
            ("summary", [$"summary: {Frontmatter.Quote(Redactor.Redact(page.Summary))}"]),
            ("provenance", ["provenance:", $"  extracted: {Provenance.Number(p.Extracted)}", $"  inferred: {Provenance.Number(p.Inferred)}",
                $"  ambiguous: {Provenance.Number(p.Ambiguous)}"]),
            ("base_confidence", [$"base_confidence: {Provenance.Number(page.BaseConfidence)}"]),
        };
        if (page.SourcePath is { } sourcePath) keys.Add(("source_path", [$"source_path: {Frontmatter.Quote(sourcePath)}"]));
        return keys;
    }
}
