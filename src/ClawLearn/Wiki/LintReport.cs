namespace ClawLearn.Wiki;

/// <summary>
/// What lint found: issues (broken wikilinks, orphans, missing required frontmatter, index drift, broken markers; any
/// of them fails the lint) and warnings (B10's soft rules: a missing or over-long summary, more than five tags, a confidence or
/// lifecycle out of range).
/// </summary>
public sealed record LintReport(int PagesChecked, IReadOnlyList<LintIssue> Issues, IReadOnlyList<LintIssue> Warnings)
{
    public bool Clean => Issues.Count == 0;

    public int Count(string kind) => Issues.Count(i => i.Kind == kind);

    /// <summary>The LINT log line in B3's key=value form, limited to the checks this lint makes.</summary>
    public string LogLine(DateTimeOffset now) =>
        $"- [{WikiDates.Iso(now)}] LINT issues_found={Issues.Count} orphans={Count(LintIssue.Orphan)} broken_links={Count(LintIssue.BrokenLink)} " +
        $"missing_frontmatter={Count(LintIssue.MissingFrontmatter)} index_drift={Count(LintIssue.IndexDrift)} " +
        $"missing_summary={Warnings.Count(w => w.Detail.StartsWith("no summary", StringComparison.Ordinal))}";
}
