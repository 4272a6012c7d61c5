using System.Globalization;

namespace ClawLearn.Wiki;

/// <summary>
/// <c>clawlearn wiki lint</c> (B10, rules 1–3, 6, and the soft parts of 3a and 12): broken wikilinks, orphans (pages
/// no other page links to; links from index.md, log.md and hot.md do not count, or nothing could ever be an orphan),
/// missing required frontmatter, index drift (a page the index lacks, an entry with no page, a stale summary), and
/// generated-block markers of which one is missing (the page is then no longer updated).
/// Lint only reads: it never writes to the vault.
/// </summary>
public static class WikiLinter
{
    private static readonly string[] Required = ["title", "category", "tags", "sources", "created", "updated"];
    private static readonly string[] Lifecycles = ["draft", "reviewed", "verified", "disputed", "archived"];

    public static LintReport Lint(string vault)
    {
        var pages = VaultLayout.Pages(vault);
        var files = VaultLayout.MarkdownFiles(vault);
        var byPath = Wikilinks.ByPath(files);
        var byName = Wikilinks.ByName(files);
        var attachments = new Lazy<HashSet<string>>(() => AttachmentNames(vault));
        var texts = files.ToDictionary(f => f, f => VaultFiles.ReadText(Path.Combine(vault, f))!, StringComparer.Ordinal);
        var issues = new List<LintIssue>();
        var warnings = new List<LintIssue>();
        var incoming = pages.ToDictionary(p => p, _ => 0, StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var target in Wikilinks.In(texts[file]).Distinct(StringComparer.Ordinal))
            {
                var resolved = Wikilinks.Resolve(target, byPath, byName);
                // An index entry that leads nowhere is index drift, reported once below, not a broken link too.
                if (resolved is null && file != VaultLayout.Index && !IsAttachment(target, attachments)) issues.Add(new LintIssue(LintIssue.BrokenLink, file, $"[[{target}]] leads nowhere"));
                else if (resolved is not null && resolved != file && VaultLayout.IsPage(file) && incoming.ContainsKey(resolved)) incoming[resolved]++;
            }
        }
        issues.AddRange(incoming.Where(p => p.Value == 0).Select(p => new LintIssue(LintIssue.Orphan, p.Key, "no other page links here")));
        foreach (var page in pages) CheckFrontmatter(page, texts[page], issues, warnings);
        issues.AddRange(pages.Where(p => PageFile.Parse(texts[p]).BrokenMarkers)
            .Select(p => new LintIssue(LintIssue.BrokenMarkers, p, "a clawlearn:begin marker without its clawlearn:end marker (or the reverse); clawlearn wiki leaves this page alone")));
        CheckIndex(pages, byPath, byName, texts, issues);
        return new LintReport(pages.Count, issues.OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.File, StringComparer.Ordinal).ToList(), warnings);
    }

    private static void CheckFrontmatter(string page, string text, List<LintIssue> issues, List<LintIssue> warnings)
    {
        var (frontmatter, _) = Frontmatter.Split(text);
        var missing = Required.Where(k => frontmatter is null || !frontmatter.Has(k)).ToList();
        if (missing.Count > 0) issues.Add(new LintIssue(LintIssue.MissingFrontmatter, page, string.Join(", ", missing)));
        if (frontmatter is null) return;
        var summary = frontmatter.Scalar("summary");
        if (summary is null) warnings.Add(new LintIssue("soft", page, "no summary"));
        else if (summary.Length > 200) warnings.Add(new LintIssue("soft", page, $"summary of {summary.Length} characters (200 at most)"));
        if ((frontmatter.List("tags") ?? []).Count(t => !t.StartsWith("visibility/", StringComparison.Ordinal)) > 5)
            warnings.Add(new LintIssue("soft", page, "more than 5 tags"));
        if (frontmatter.Scalar("base_confidence") is not { } c || !double.TryParse(c, CultureInfo.InvariantCulture, out var confidence) || confidence is < 0 or > 1)
            warnings.Add(new LintIssue("soft", page, "base_confidence missing or outside [0, 1]"));
        if (frontmatter.Scalar("lifecycle") is not { } lifecycle || !Lifecycles.Contains(lifecycle))
            warnings.Add(new LintIssue("soft", page, "lifecycle missing or not one of draft, reviewed, verified, disputed, archived"));
    }

    private static void CheckIndex(IReadOnlyList<string> pages, IReadOnlyDictionary<string, string> byPath, ILookup<string, string> byName,
        Dictionary<string, string> texts, List<LintIssue> issues)
    {
        if (!texts.TryGetValue(VaultLayout.Index, out var index))
        {
            if (pages.Count > 0) issues.Add(new LintIssue(LintIssue.IndexDrift, VaultLayout.Index, "index.md is missing"));
            return;
        }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in index.Split('\n'))
        {
            if (IndexFile.ParseLine(line) is not { } entry) continue;
            var (target, summary) = entry;
            var page = Wikilinks.Resolve(target, byPath, byName);
            if (page is null || !VaultLayout.IsPage(page)) { issues.Add(new LintIssue(LintIssue.IndexDrift, VaultLayout.Index, $"[[{target}]] is listed but has no page")); continue; }
            listed.Add(page);
            // Compared by the rule the index is written with, so an empty or block summary never reads as drift. A page
            // without a summary is not compared: another tool may list it by a fallback of its own.
            if (Frontmatter.Split(texts[page]).Frontmatter?.Scalar("summary") is not null && IndexFile.Summary(IndexEntry.FromFile(page, texts[page])) != summary)
                issues.Add(new LintIssue(LintIssue.IndexDrift, VaultLayout.Index, $"the summary of [[{target}]] is stale"));
        }
        issues.AddRange(pages.Where(p => !listed.Contains(p)).Select(p => new LintIssue(LintIssue.IndexDrift, p, "not listed in index.md")));
    }

    // A link to a file that is not markdown (an image, a PDF) anywhere in the vault. The vault's file names are listed
    // once, the first time a link needs them, not walked again for every such link.
    private static bool IsAttachment(string target, Lazy<HashSet<string>> names) =>
        Path.HasExtension(target) && !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && names.Value.Contains(Path.GetFileName(target));

    private static HashSet<string> AttachmentNames(string vault) =>
        Directory.EnumerateFiles(vault, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
}
