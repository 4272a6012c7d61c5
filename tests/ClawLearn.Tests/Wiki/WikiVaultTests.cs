using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClawLearn.Ingest;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;
using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

public partial class WikiVaultTests
{
    [Fact]
    public void The_vault_built_from_the_fixture_matches_golden()
    {
        using var wiki = new WikiHarness();
        var result = wiki.Run();
        Assert.False(result.NothingChanged);
        Assert.DoesNotContain(result.Problems, p => !p.Contains("sessions.json", StringComparison.Ordinal));
        // The manifest and the cache hold absolute paths and file times; they are checked field by field below.
        var sb = new StringBuilder();
        foreach (var (path, (text, _)) in wiki.Snapshot().Where(f => f.Key != VaultLayout.Manifest && f.Key != VaultLayout.Cache).OrderBy(f => f.Key, StringComparer.Ordinal))
            sb.Append("===== ").Append(path).Append(" =====\n").Append(text);
        Golden.Match("wiki-vault.txt", sb.ToString());
    }

    [Fact]
    public void The_page_list_has_every_kind_of_page()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var pages = wiki.Pages();
        foreach (var expected in new[]
        {
            "concepts/user-preferences.md", "concepts/projects.md", "concepts/decisions.md", "concepts/archive.md", "concepts/lessons.md",
            "concepts/research-areas.md", "projects/home-assistant/home-assistant.md", "projects/blog-rewrite/blog-rewrite.md",
            "entities/tool-exec.md", "entities/tool-memory-search.md", "entities/tool-web-search.md", "entities/skill-wiki-ingest.md",
            "journal/2026-01.md", "journal/2026-02.md", "references/sessions-main.md", "references/sessions-research.md", "references/sessions-ops.md",
            "synthesis/context-health.md",
        })
            Assert.Contains(expected, pages);
        // Clustered, never one page per session or per MEMORY.md bullet.
        Assert.True(pages.Count < 40, $"{pages.Count} pages");
        Assert.DoesNotContain(pages, p => p.Contains("3f9c2a1e", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_has_the_conventions_frontmatter()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        foreach (var page in wiki.Pages())
        {
            var (fm, body) = Frontmatter.Split(wiki.Read(page));
            Assert.NotNull(fm);
            foreach (var key in new[] { "title", "category", "tags", "sources", "summary", "provenance", "base_confidence", "lifecycle", "lifecycle_changed", "created", "updated" })
                Assert.True(fm.Has(key), $"{page} lacks {key}");
            Assert.InRange(fm.List("tags")!.Count, 1, 5);
            Assert.NotEmpty(fm.List("sources")!);
            Assert.All(fm.List("sources")!, s => Assert.StartsWith("openclaw://", s));
            Assert.InRange(fm.Scalar("summary")!.Length, 1, 200);
            Assert.Equal("draft", fm.Scalar("lifecycle"));
            Assert.Equal("2026-02-21", fm.Scalar("lifecycle_changed"));
            Assert.Equal("2026-02-21T10:00:00Z", fm.Scalar("created"));
            Assert.Equal("2026-02-21T10:00:00Z", fm.Scalar("updated"));
            var confidence = double.Parse(fm.Scalar("base_confidence")!, CultureInfo.InvariantCulture);
            Assert.Contains(confidence, new[] { 0.42, 0.58, 0.75 });
            var provenance = fm.Raw("provenance")!.Split('\n').Skip(1).Select(l => double.Parse(l.Split(':')[1], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(1.0, provenance.Sum(), 2);
            // Provenance markers on inferred claims agree with the fractions.
            var inferred = Regex.Matches(body, @"\^\[inferred\]").Count;
            Assert.Equal(inferred > 0, provenance[1] > 0);
            Assert.Contains(PageFile.BeginMarker, body);
            Assert.Contains(PageFile.EndMarker, body);
        }
    }

    [Fact]
    public void Session_pages_have_more_sources_and_more_confidence_than_a_single_memory_file()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        Assert.Contains("base_confidence: 0.42", wiki.Read("concepts/user-preferences.md"));
        Assert.Contains("base_confidence: 0.75", wiki.Read("references/sessions-main.md"));
    }

    [Fact]
    public void Every_page_links_to_two_others_and_the_vault_lints_clean()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        foreach (var page in wiki.Pages())
        {
            var targets = Wikilinks.In(wiki.Read(page)).Where(t => t != PageNames.LinkName(page)).Distinct().ToList();
            Assert.True(targets.Count >= 2, $"{page} links to {targets.Count} pages");
        }
        var report = WikiLinter.Lint(wiki.Vault);
        Assert.True(report.Clean, string.Join("\n", report.Issues.Select(i => $"{i.Kind} {i.File}: {i.Detail}")));
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Index_lines_follow_the_convention_and_list_every_page()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var index = wiki.Read("index.md");
        Assert.StartsWith("---\ntitle: Wiki Index\n---\n\n# Wiki Index\n\n*This index is automatically maintained. Last updated: 2026-02-21T10:00:00Z*\n", index);
        foreach (var section in new[] { "Concepts", "Entities", "Skills", "References", "Synthesis", "Journal", "Projects" }) Assert.Contains($"\n## {section}\n", index);
        var entries = index.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.All(entries, l => Assert.Matches(IndexLine(), l));
        Assert.Equal(wiki.Pages().Count, entries.Count);
    }

    [Fact]
    public void Log_gains_one_parseable_line_per_run_that_changes_something()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        wiki.Run(WikiHarness.Now.AddHours(1));
        File.AppendAllText(wiki.Fixture.Path("workspace", "memory", "2026-02-21.md"), "- Booked the airport transfer.\n");
        wiki.Run(WikiHarness.Now.AddHours(2));
        var lines = wiki.Read("log.md").Split('\n').Where(l => l.StartsWith("- [", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Matches(LogLine(), lines[0]);
        Assert.Matches(LogLine(), lines[1]);
        Assert.StartsWith("- [2026-02-21T10:00:00Z] OPENCLAW_HISTORY_INGEST memory=updated daily_notes=17 sessions=16 pages_updated=0 pages_created=", lines[0]);
        Assert.EndsWith("mode=full", lines[0]);
        Assert.StartsWith("- [2026-02-21T12:00:00Z] OPENCLAW_HISTORY_INGEST memory=unchanged daily_notes=1 sessions=0 pages_updated=", lines[1]);
        Assert.EndsWith("pages_created=0 mode=append", lines[1]);
    }

    [Fact]
    public void Hot_keeps_the_last_three_activities()
    {
        using var wiki = new WikiHarness();
        for (var i = 0; i < 5; i++)
        {
            File.AppendAllText(wiki.Fixture.Path("workspace", "memory", "2026-02-21.md"), $"- Note {i} of the day.\n");
            wiki.Run(WikiHarness.Now.AddHours(i));
        }
        var hot = wiki.Read("hot.md");
        Assert.StartsWith("---\ntitle: Hot Cache\nupdated: 2026-02-21T14:00:00Z\n---\n", hot);
        var activity = hot[hot.IndexOf("## Recent Activity", StringComparison.Ordinal)..hot.IndexOf("## Active Threads", StringComparison.Ordinal)];
        var items = activity.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, items.Count);
        Assert.StartsWith("- [2026-02-21T14:00:00Z]", items[0]);
        foreach (var section in new[] { "## Active Threads", "## Key Takeaways", "## Flagged Contradictions" }) Assert.Contains(section, hot);
    }

    [Fact]
    public void The_manifest_follows_the_convention()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        using var doc = JsonDocument.Parse(wiki.Read(".manifest.json"));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("2026-02-21T10:00:00Z", root.GetProperty("last_updated").GetString());
        var sources = root.GetProperty("sources").EnumerateObject().ToList();
        Assert.Equal(38, sources.Count);
        var types = new[] { "openclaw_memory", "openclaw_daily_note", "openclaw_dreams", "openclaw_session", "openclaw_session_index" };
        foreach (var source in sources)
        {
            var v = source.Value;
            Assert.Matches("^sha256:[0-9a-f]{64}$", v.GetProperty("content_hash").GetString());
            Assert.Contains(v.GetProperty("source_type").GetString(), types);
            Assert.Contains(v.GetProperty("agent_id").GetString(), new[] { "main", "research", "ops" });
            Assert.Equal(JsonValueKind.Array, v.GetProperty("pages_created").ValueKind);
            Assert.Equal(JsonValueKind.Array, v.GetProperty("pages_updated").ValueKind);
            Assert.True(v.TryGetProperty("project", out _));
            Assert.Equal("2026-02-21T10:00:00Z", v.GetProperty("ingested_at").GetString());
            Assert.True(v.GetProperty("size_bytes").GetInt64() > 0);
            Assert.True(Path.IsPathRooted(source.Name.Split('#')[0]) || source.Name.StartsWith('~'), source.Name);
        }
        var memory = sources.Single(s => s.Name.EndsWith("/workspace/MEMORY.md", StringComparison.Ordinal)).Value;
        Assert.Contains("concepts/user-preferences.md", memory.GetProperty("pages_created").EnumerateArray().Select(e => e.GetString()));
        var openclaw = root.GetProperty("openclaw");
        Assert.Equal(JsonValueKind.Number, openclaw.GetProperty("pages_created").ValueKind);
        Assert.Equal(16, openclaw.GetProperty("sessions_ingested").GetInt32());
        Assert.Equal(17, openclaw.GetProperty("daily_notes_ingested").GetInt32());
        Assert.EndsWith("/", openclaw.GetProperty("source_path").GetString());
        var stats = root.GetProperty("stats");
        Assert.Equal(38, stats.GetProperty("total_sources_ingested").GetInt32());
        Assert.Equal(2, stats.GetProperty("total_projects").GetInt32());
        Assert.Equal("2026-02-21T10:00:00Z", stats.GetProperty("last_full_rebuild").GetString());
        Assert.Equal("projects/home-assistant", root.GetProperty("projects").GetProperty("home-assistant").GetProperty("vault_path").GetString());
    }

    [Fact]
    public void Dreams_add_only_what_memory_does_not_already_say()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var journal = wiki.Read("journal/2026-02.md");
        Assert.Contains("The blog rewrite stalls on image handling; Astro's assets pipeline may be the fix. ^[inferred]", journal);
        Assert.DoesNotContain("2026-02-20: Zigbee2MQTT is pinned", journal);
        Assert.Contains("## Reflections", wiki.Read("projects/blog-rewrite/blog-rewrite.md"));
    }

    [Fact]
    public void Truncation_hidden_sections_and_prune_ranking_are_on_the_context_health_page()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var health = wiki.Read("synthesis/context-health.md");
        Assert.Contains("MEMORY.md is 26,000 characters, over bootstrapMaxChars (20,000)", health);
        Assert.Contains("(`memory:archive:old-vendors`)", health);
        Assert.Contains("| 1 | [[decisions]] \"Decisions\" (`memory:decisions:main`) | 3,364 |", health);
        Assert.Contains("Truncation hides", wiki.Read("concepts/archive.md"));
    }

    [Fact]
    public void With_a_learning_store_pages_show_posteriors_from_it()
    {
        using var wiki = new WikiHarness();
        var state = wiki.Fixture.Open();
        new Ingestor(state, id => SqliteLearningStore.Open(StorePaths.For(state.Root, id, null)), new IngestOptions { Learning = state.Config.Learning }).Run();
        wiki.Run();
        Assert.Contains("Evidence: the learning store (14 runs", wiki.Read("synthesis/context-health.md"));
        Assert.Matches(@"\| \[\[sessions-main\]\] \| 4 \| 4 \| Beta\(\d+, \d+\), mean 0\.\d\d over \d+ runs \|", wiki.Read("entities/tool-exec.md"));
        using var bare = new WikiHarness();
        bare.Run();
        Assert.Contains("no learning store (run clawlearn ingest)", bare.Read("entities/tool-exec.md"));
    }

    [Fact]
    public void A_vault_reached_through_a_symbolic_link_into_the_state_directory_is_refused()
    {
        using var wiki = new WikiHarness();
        using var outside = new TempDir("clawlearn-links");
        var state = wiki.Fixture.Open();
        Directory.CreateDirectory(wiki.Fixture.Path("vault-in-state"));
        var toVault = Path.Combine(outside.Path, "vault");
        Directory.CreateSymbolicLink(toVault, wiki.Fixture.Path("vault-in-state"));
        var toRoot = Path.Combine(outside.Path, "root");
        Directory.CreateSymbolicLink(toRoot, wiki.Fixture.Root);
        var toWorkspace = Path.Combine(outside.Path, "ws");
        Directory.CreateSymbolicLink(toWorkspace, wiki.Fixture.Path("workspace"));

        Assert.Contains("inside the OpenClaw state directory", WikiVault.Problem(state, toVault));
        // A folder not made yet under a link: its nearest existing ancestor is resolved.
        Assert.Contains("inside the OpenClaw state directory", WikiVault.Problem(state, Path.Combine(toRoot, "new", "vault")));
        Assert.Contains("inside the", WikiVault.Problem(state, Path.Combine(toWorkspace, "memory", "wiki")));
        Assert.Null(WikiVault.Problem(state, Path.Combine(outside.Path, "real-vault")));
    }

    [GeneratedRegex(@"^- \[\[[^\]]+\]\] — .+ \( #[\w/-]+( #[\w/-]+)*\)$")]
    private static partial Regex IndexLine();

    [GeneratedRegex(@"^- \[\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\] OPENCLAW_HISTORY_INGEST memory=(updated|unchanged) daily_notes=\d+ sessions=\d+ pages_updated=\d+ pages_created=\d+ mode=(append|full)$")]
    private static partial Regex LogLine();
}
