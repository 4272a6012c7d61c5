using ClawLearn.Tests.Support;
using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

public class WikiLintTests
{
    private const string Page = """
        ---
        title: "Lonely"
        category: concepts
        tags: [notes]
        sources: ["me"]
        summary: "A page of my own."
        base_confidence: 0.5
        lifecycle: draft
        created: 2026-02-21T10:00:00Z
        updated: 2026-02-21T10:00:00Z
        ---
        # Lonely

        """;

    [Fact]
    public void The_generated_vault_lints_clean_through_the_cli()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var result = CliRunner.RunAt(WikiHarness.Now, wiki.Fixture.Home, _ => null, "wiki", "lint", "--vault", wiki.Vault);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("## Wiki Health Report\n\n25 pages checked: no issues.\n", result.Out);
        Assert.EndsWith("- [2026-02-21T10:00:00Z] LINT issues_found=0 orphans=0 broken_links=0 missing_frontmatter=0 index_drift=0 missing_summary=0\n", result.Out);
    }

    [Fact]
    public void Index_and_lint_agree_on_empty_missing_and_block_summaries()
    {
        using var wiki = new WikiHarness();
        Directory.CreateDirectory(Path.Combine(wiki.Vault, "notes"));
        string Mine(string summaryLines, string next) => Page.Replace("title: \"Lonely\"", "title: \"Mine\"")
            .Replace("summary: \"A page of my own.\"\n", summaryLines) + $"See [[{next}]].\n";
        wiki.Write("notes/empty.md", Mine("summary: \"\"\n", "folded"));
        wiki.Write("notes/folded.md", Mine("summary: >-\n  Folded over\n  two lines.\n", "literal"));
        wiki.Write("notes/literal.md", Mine("summary: |\n  Kept as\n  two lines.\n", "missing"));
        wiki.Write("notes/missing.md", Mine("", "empty"));
        wiki.Run();

        var index = wiki.Read("index.md");
        Assert.Contains("- [[folded]] — Folded over two lines. ( #notes)", index);
        Assert.Contains("- [[literal]] — Kept as two lines. ( #notes)", index);
        Assert.Contains("- [[empty]] — Mine ( #notes)", index);
        Assert.Contains("- [[missing]] — Mine ( #notes)", index);
        var report = WikiLinter.Lint(wiki.Vault);
        Assert.DoesNotContain(report.Issues, i => i.Kind == LintIssue.IndexDrift);
    }

    [Fact]
    public void Broken_links_orphans_missing_fields_and_index_drift_are_found_and_fail_the_lint()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        // A broken link, written by the user below the generated block.
        wiki.Write("concepts/decisions.md", wiki.Read("concepts/decisions.md") + "\nSee [[no-such-page]] and [[decisions#Key Ideas|here]].\n");
        // A page of the user's that nothing links to, though the index lists it.
        wiki.Write("concepts/lonely.md", Page);
        wiki.Write("index.md", wiki.Read("index.md").Replace("## Concepts\n\n", "## Concepts\n\n- [[lonely]] — A page of my own. ( #notes)\n"));
        // A page without sources, and index drift three ways: a missing entry, an entry with no page, a stale summary.
        wiki.Write("concepts/lessons.md", wiki.Read("concepts/lessons.md").Replace("sources: [\"openclaw://workspace/MEMORY.md\"]\n", ""));
        var index = wiki.Read("index.md");
        index = string.Join('\n', index.Split('\n').Where(l => !l.StartsWith("- [[tool-read]]", StringComparison.Ordinal)));
        index = index.Replace("## Journal\n\n", "## Journal\n\n- [[1999-01]] — Gone. ( #journal)\n").Replace("Archive: 102 lines.", "Archive: 3 lines.");
        wiki.Write("index.md", index);

        var report = WikiLinter.Lint(wiki.Vault);
        Assert.False(report.Clean);
        Assert.Equal([("concepts/decisions.md", "[[no-such-page]] leads nowhere")], Of(report, LintIssue.BrokenLink));
        Assert.Equal([("concepts/lonely.md", "no other page links here")], Of(report, LintIssue.Orphan));
        Assert.Equal([("concepts/lessons.md", "sources")], Of(report, LintIssue.MissingFrontmatter));
        Assert.Equal(
        [
            ("entities/tool-read.md", "not listed in index.md"),
            ("index.md", "[[1999-01]] is listed but has no page"),
            ("index.md", "the summary of [[archive]] is stale"),
        ], Of(report, LintIssue.IndexDrift).Order());

        var cli = CliRunner.RunAt(WikiHarness.Now, wiki.Fixture.Home, _ => null, "wiki", "lint", "--vault", wiki.Vault);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("### Broken links (1)", cli.Out);
        Assert.Contains("LINT issues_found=6 orphans=1 broken_links=1 missing_frontmatter=1 index_drift=3", cli.Out);

        // The next wiki run repairs what it owns (the index, its pages' frontmatter); the user's broken link and orphan are theirs to fix.
        wiki.Run(WikiHarness.Now.AddHours(1));
        var after = WikiLinter.Lint(wiki.Vault);
        Assert.Equal([LintIssue.BrokenLink, LintIssue.Orphan], after.Issues.Select(i => i.Kind).Order());
    }

    [Fact]
    public void Soft_rules_are_warnings_not_issues()
    {
        using var vault = new TempDir();
        File.WriteAllText(vault.Combine("index.md"), "---\ntitle: Wiki Index\n---\n\n# Wiki Index\n\n## Concepts\n\n- [[a]] — A. ( #x)\n- [[b]] — B. ( #x)\n");
        Directory.CreateDirectory(vault.Combine("concepts"));
        File.WriteAllText(vault.Combine("concepts", "a.md"), "---\ntitle: A\ncategory: concepts\ntags: [a, b, c, d, e, f]\nsources: [x]\ncreated: 1\nupdated: 1\n---\n[[b]]\n");
        File.WriteAllText(vault.Combine("concepts", "b.md"), "---\ntitle: B\ncategory: concepts\ntags: [a]\nsources: [x]\nsummary: B.\nbase_confidence: 2\nlifecycle: stable\ncreated: 1\nupdated: 1\n---\n[[a]]\n");
        var report = WikiLinter.Lint(vault.Path);
        Assert.True(report.Clean);
        Assert.Equal(
        [
            "concepts/a.md: base_confidence missing or outside [0, 1]",
            "concepts/a.md: lifecycle missing or not one of draft, reviewed, verified, disputed, archived",
            "concepts/a.md: more than 5 tags",
            "concepts/a.md: no summary",
            "concepts/b.md: base_confidence missing or outside [0, 1]",
            "concepts/b.md: lifecycle missing or not one of draft, reviewed, verified, disputed, archived",
        ], report.Warnings.Select(w => $"{w.File}: {w.Detail}").Order());
    }

    [Fact]
    public void Links_resolve_by_path_or_name_ignoring_case_and_attachments_anywhere_in_the_vault()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        Directory.CreateDirectory(Path.Combine(wiki.Vault, "attachments"));
        File.WriteAllBytes(Path.Combine(wiki.Vault, "attachments", "photo.png"), [0x89]);
        wiki.Write("concepts/decisions.md", wiki.Read("concepts/decisions.md")
            + "\n[[Concepts/Lessons]] [[LESSONS]] [[Photo.PNG]] [[attachments/photo.png]] [[scan.pdf]] [[concepts/no-such]]\n");
        var report = WikiLinter.Lint(wiki.Vault);
        Assert.Equal([("concepts/decisions.md", "[[concepts/no-such]] leads nowhere"), ("concepts/decisions.md", "[[scan.pdf]] leads nowhere")],
            Of(report, LintIssue.BrokenLink).Order());
    }

    private static List<(string, string)> Of(LintReport report, string kind) =>
        report.Issues.Where(i => i.Kind == kind).Select(i => (i.File, i.Detail)).ToList();
}
