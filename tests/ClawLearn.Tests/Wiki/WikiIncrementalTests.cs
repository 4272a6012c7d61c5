using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

public class WikiIncrementalTests
{
    private const string UserNote = "\n## My notes\n\nThe NUC's fan gets loud in summer; check it in June.\n";

    [Fact]
    public void A_second_run_with_nothing_changed_writes_nothing_and_says_so()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var before = wiki.Snapshot();
        AssertNothingWritten(wiki, wiki.Run(WikiHarness.Now.AddDays(1)), before);
    }

    private static void AssertNothingWritten(WikiHarness wiki, WikiResult result, Dictionary<string, (string Text, DateTime Written)> before)
    {
        Assert.True(result.NothingChanged);
        Assert.Equal(0, result.SessionsRead);
        Assert.Empty(result.Created);
        Assert.Empty(result.Updated);
        Assert.All(result.Sources, s => Assert.Equal(DeltaStatus.Unchanged, s.Status));
        Assert.Equal(before, wiki.Snapshot());
    }

    [Fact]
    public void A_full_rebuild_of_one_agent_keeps_every_other_agents_pages()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var others = wiki.Pages().Where(p => p.Contains("sessions-ops", StringComparison.Ordinal) || p.Contains("sessions-research", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, others.Count);

        var result = wiki.Run(WikiHarness.Now.AddHours(1), full: true, agent: "main");

        Assert.Empty(result.Removed);
        Assert.All(others, p => Assert.True(File.Exists(Path.Combine(wiki.Vault, p)), p));
        var cache = CacheFile.Read(wiki.Vault);
        Assert.Contains("ops", cache.Agents.Keys);
        Assert.Contains(cache.Sessions.Values, s => s.AgentId == "research");
    }

    [Fact]
    public void An_agent_that_left_the_state_directory_is_cleaned_up()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        Assert.Contains("references/sessions-ops.md", wiki.Pages());
        Directory.Delete(wiki.Fixture.Path("agents", "ops"), recursive: true);

        var result = wiki.Run(WikiHarness.Now.AddHours(1));

        Assert.Contains("references/sessions-ops.md", result.Removed);
        Assert.DoesNotContain("references/sessions-ops.md", wiki.Pages());
        Assert.NotEmpty(result.Deleted);
        Assert.DoesNotContain("ops", CacheFile.Read(wiki.Vault).Agents.Keys);
        var manifest = ManifestFile.Read(wiki.Vault, [])!;
        Assert.DoesNotContain(manifest.Sources.Values, s => s.AgentId == "ops");
        // A second run has nothing left to clean up.
        Assert.True(wiki.Run(WikiHarness.Now.AddHours(2)).NothingChanged);
    }

    [Fact]
    public void A_touched_note_with_the_same_content_is_skipped()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var before = wiki.Snapshot();
        File.SetLastWriteTimeUtc(wiki.Fixture.Path("workspace", "memory", "2026-02-20.md"), new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var result = wiki.Run(WikiHarness.Now.AddDays(1));
        Assert.True(result.NothingChanged);
        Assert.Equal(1, result.Count(DeltaStatus.Touched));
        // Only the manifest learns the new time, so the next run finds the note unchanged instead of touched again.
        var after = wiki.Snapshot();
        Assert.Equal(before.Where(f => f.Key != VaultLayout.Manifest), after.Where(f => f.Key != VaultLayout.Manifest));
        AssertNothingWritten(wiki, wiki.Run(WikiHarness.Now.AddDays(2)), after);
    }

    [Fact]
    public void A_memory_edit_that_cannot_change_a_match_reads_no_session_again()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var memory = wiki.Fixture.Path("workspace", "MEMORY.md");
        // A short line (too short to count as a reference) and a capital letter: no session could match differently.
        var text = File.ReadAllText(memory).Replace("- Uses pnpm over npm", "- USES pnpm over npm", StringComparison.Ordinal);
        File.WriteAllText(memory, text + "\n## Misc\n- ok\n");

        var result = wiki.Run(WikiHarness.Now.AddHours(1));

        Assert.Equal(1, result.Count(DeltaStatus.Modified));
        Assert.Equal(0, result.SessionsRead);
        Assert.Contains("concepts/misc.md", result.Created);
    }

    [Fact]
    public void A_changed_daily_note_updates_only_the_pages_it_feeds()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var before = wiki.Snapshot();
        File.AppendAllText(wiki.Fixture.Path("workspace", "memory", "2026-02-20.md"), "- Replaced the dongle's extension cable with a shielded one.\n");
        var result = wiki.Run(WikiHarness.Now.AddHours(1));

        Assert.False(result.NothingChanged);
        Assert.Equal(1, result.Count(DeltaStatus.Modified));
        Assert.Equal(0, result.SessionsRead);
        Assert.Empty(result.Created);
        Assert.Empty(result.Removed);
        Assert.Equal(["journal/2026-02.md", "projects/home-assistant/home-assistant.md"], result.Updated.Order());
        foreach (var page in result.Updated)
        {
            Assert.Contains("openclaw://workspace/memory/2026-02-20.md", Frontmatter.Split(wiki.Read(page)).Frontmatter!.List("sources")!);
            Assert.Contains("updated: 2026-02-21T11:00:00Z", wiki.Read(page));
            Assert.Contains("created: 2026-02-21T10:00:00Z", wiki.Read(page));
        }
        var after = wiki.Snapshot();
        var special = new[] { "index.md", "log.md", "hot.md", VaultLayout.Manifest, VaultLayout.Cache };
        var changed = after.Where(f => before[f.Key] != f.Value).Select(f => f.Key).Except(special).Order().ToList();
        Assert.Equal(result.Updated.Order(), changed);
        Assert.Contains("shielded one", wiki.Read("projects/home-assistant/home-assistant.md"));
        Assert.True(WikiLinter.Lint(wiki.Vault).Clean);
    }

    [Fact]
    public void Text_outside_the_markers_survives_every_run()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var page = "projects/home-assistant/home-assistant.md";
        var text = wiki.Read(page).Replace("lifecycle: draft", "lifecycle: reviewed").Replace("---\n<!-- clawlearn:begin", "aliases: [HA]\n---\nWritten above the block.\n<!-- clawlearn:begin");
        wiki.Write(page, text + UserNote);

        File.AppendAllText(wiki.Fixture.Path("workspace", "memory", "2026-02-20.md"), "- Watchtower now skips the HA container.\n");
        Assert.Contains(page, wiki.Run(WikiHarness.Now.AddHours(1)).Updated);
        Assert.Contains(page, wiki.Run(WikiHarness.Now.AddHours(2), full: true).Updated);

        var after = wiki.Read(page);
        Assert.EndsWith(PageFile.EndMarker + "\n\n" + UserNote, after);
        Assert.Contains("Written above the block.\n" + PageFile.BeginMarker, after);
        Assert.Contains("Watchtower now skips the HA container.", after);
        var frontmatter = Frontmatter.Split(after).Frontmatter!;
        Assert.Equal("reviewed", frontmatter.Scalar("lifecycle"));
        Assert.Equal(["HA"], frontmatter.List("aliases"));
        Assert.Equal("2026-02-21T10:00:00Z", frontmatter.Scalar("created"));
        Assert.Equal("2026-02-21T12:00:00Z", frontmatter.Scalar("updated"));
    }

    [Fact]
    public void An_edit_inside_the_markers_is_put_back()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var original = wiki.Read("concepts/user-preferences.md");
        wiki.Write("concepts/user-preferences.md", original.Replace("Uses pnpm over npm", "Uses yarn"));
        var result = wiki.Run(WikiHarness.Now.AddHours(1));
        Assert.Equal(["concepts/user-preferences.md"], result.Updated);
        Assert.Equal(original.Replace("updated: 2026-02-21T10:00:00Z", "updated: 2026-02-21T11:00:00Z"), wiki.Read("concepts/user-preferences.md"));
    }

    [Fact]
    public void A_page_this_tool_did_not_generate_is_never_removed_even_with_markers_in_it()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        // An Obsidian "make a copy" of a generated page: markers, no text outside them, a path nothing plans.
        var copy = "journal/lessons snapshot 2026.md";
        wiki.Write(copy, wiki.Read("journal/2026-02.md"));

        var result = wiki.Run(WikiHarness.Now.AddHours(1));

        Assert.Empty(result.Removed);
        Assert.True(File.Exists(Path.Combine(wiki.Vault, copy)));
    }

    [Fact]
    public void A_page_whose_end_marker_was_deleted_is_left_alone_reported_and_flagged_by_lint()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var page = "journal/2026-02.md";
        var broken = wiki.Read(page).Replace(PageFile.EndMarker + "\n", "", StringComparison.Ordinal) + "\nMy own notes.\n";
        wiki.Write(page, broken);
        File.AppendAllText(wiki.Fixture.Path("workspace", "memory", "2026-02-20.md"), "- Replaced the dongle's extension cable with a shielded one.\n");

        var first = wiki.Run(WikiHarness.Now.AddHours(1));
        var second = wiki.Run(WikiHarness.Now.AddHours(2), full: true);

        Assert.Equal(broken, wiki.Read(page));
        Assert.DoesNotContain(page, first.Updated);
        Assert.Contains(first.Problems, p => p.StartsWith(page, StringComparison.Ordinal) && p.Contains("end marker", StringComparison.Ordinal));
        Assert.Contains(second.Problems, p => p.StartsWith(page, StringComparison.Ordinal));
        var lint = WikiLinter.Lint(wiki.Vault);
        Assert.Contains(lint.Issues, i => i.Kind == LintIssue.BrokenMarkers && i.File == page);
    }

    [Theory]
    [InlineData("""{"version": 1, "sources": {"x": null}, "projects": null, "stats": null, "openclaw": {"source_path": null}}""", false)]
    [InlineData("""{"version": 1, "sources": null}""", false)]
    [InlineData("""{"version": 1, "sources": {"x": {"source_type": "openclaw_session", "content_hash": null, "agent_id": "main", "pages_created": null, "pages_updated": [null]}}}""", false)]
    [InlineData("""{"version": 1, "sources": {"x": 42}}""", true)]
    [InlineData("""{"version": "one"}""", true)]
    [InlineData("null", true)]
    [InlineData("[]", true)]
    public void An_oddly_shaped_manifest_is_normalised_or_rebuilt_never_a_crash(string json, bool corrupt)
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        wiki.Write(VaultLayout.Manifest, json);

        var result = wiki.Run(WikiHarness.Now.AddHours(1));

        Assert.Equal(corrupt, result.Full);
        Assert.Equal(corrupt, result.Problems.Any(p => p.Contains("rebuilding in full", StringComparison.Ordinal)));
        var manifest = ManifestFile.Read(wiki.Vault, [])!;
        Assert.NotNull(manifest.Stats);
        Assert.DoesNotContain("x", manifest.Sources.Keys);
        Assert.True(WikiLinter.Lint(wiki.Vault).Clean);
    }

    [Fact]
    public void Generated_pages_never_take_or_share_the_name_of_a_users_own_page()
    {
        using var wiki = new WikiHarness();
        const string Mine = "---\ntitle: My preferences\ncategory: concepts\ntags: [mine]\nsources: [\"my head\"]\nsummary: \"Mine.\"\n---\n\n# Mine\n";
        Directory.CreateDirectory(Path.Combine(wiki.Vault, "concepts"));
        Directory.CreateDirectory(Path.Combine(wiki.Vault, "notes"));
        wiki.Write("concepts/user-preferences.md", Mine);
        wiki.Write("notes/2026-02.md", Mine);

        wiki.Run();
        wiki.Run(WikiHarness.Now.AddHours(1), full: true);

        Assert.Equal(Mine, wiki.Read("concepts/user-preferences.md"));
        Assert.Equal(Mine, wiki.Read("notes/2026-02.md"));
        Assert.Contains("concepts/user-preferences-2.md", wiki.Pages());
        Assert.Contains("journal/2026-02-2.md", wiki.Pages());
        Assert.DoesNotContain("journal/2026-02.md", wiki.Pages());
        Assert.DoesNotContain(WikiLinter.Lint(wiki.Vault).Issues, i => i.Kind == LintIssue.BrokenLink);
    }

    [Fact]
    public void A_generated_page_keeps_its_name_when_a_new_page_wants_the_same_one()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var topic = wiki.Read("concepts/user-preferences.md");
        // A project note of the same name: projects are named before topics, so it would take the topic's name.
        File.WriteAllText(wiki.Fixture.Path("workspace", "memory", "projects", "user-preferences.md"), "# User preferences\n\n- A project now.\n");

        var result = wiki.Run(WikiHarness.Now.AddHours(1));

        Assert.Empty(result.Removed);
        Assert.Contains("projects/user-preferences-2/user-preferences-2.md", result.Created);
        Assert.Contains("# User Preferences", wiki.Read("concepts/user-preferences.md"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Frontmatter.Split(topic).Frontmatter!.Scalar("created"), Frontmatter.Split(wiki.Read("concepts/user-preferences.md")).Frontmatter!.Scalar("created"));
    }

    [Fact]
    public void Full_rebuilds_every_page_and_logs_it()
    {
        using var wiki = new WikiHarness();
        var first = wiki.Run();
        var full = wiki.Run(WikiHarness.Now.AddHours(1), full: true);
        Assert.True(full.Full);
        Assert.Equal(first.Created.Order(), full.Updated.Order());
        Assert.Equal(16, full.SessionsRead);
        Assert.EndsWith("pages_created=0 mode=full\n", wiki.Read("log.md"));
    }

    [Fact]
    public void Deleted_sources_are_reported_and_pages_nothing_feeds_any_more_go_unless_the_user_wrote_in_them()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        wiki.Write("concepts/research-areas.md", wiki.Read("concepts/research-areas.md") + UserNote);
        File.Delete(Path.Combine(Fixtures.StateDirFixture.ResearchWorkspace(wiki.Fixture.Root, default), "memory.md"));
        File.Delete(wiki.Fixture.Path("agents", "research", "sessions", "r-2026-01-12-a1.jsonl"));
        var result = wiki.Run(WikiHarness.Now.AddHours(1));

        Assert.Equal(2, result.Count(DeltaStatus.Deleted));
        Assert.Equal(["concepts/research-areas.md", "entities/tool-web-search.md"], result.Removed.Order());
        Assert.False(File.Exists(Path.Combine(wiki.Vault, "entities", "tool-web-search.md")));
        var kept = wiki.Read("concepts/research-areas.md");
        Assert.Contains("No OpenClaw source feeds this page any more", kept);
        Assert.EndsWith(UserNote, kept);
        var manifest = wiki.Read(VaultLayout.Manifest);
        Assert.DoesNotContain("r-2026-01-12-a1.jsonl", manifest);
        Assert.DoesNotContain("research-ws/memory.md", manifest);
        // The kept page is the user's now: nothing links to it, which lint reports.
        Assert.Contains(WikiLinter.Lint(wiki.Vault).Issues, i => i.Kind == LintIssue.Orphan && i.File == "concepts/research-areas.md");
        Assert.True(wiki.Run(WikiHarness.Now.AddHours(2)).NothingChanged);
    }

    [Fact]
    public void Only_the_agent_asked_for_is_read_and_the_others_pages_stay()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var before = wiki.Snapshot();
        File.AppendAllText(wiki.Fixture.Path("workspace", "memory", "2026-02-20.md"), "- A main-agent change.\n");
        var research = wiki.Run(WikiHarness.Now.AddHours(1), agent: "research");
        Assert.True(research.NothingChanged);
        Assert.All(research.Sources, s => Assert.Equal("research", s.Source.AgentId));
        Assert.Equal(before, wiki.Snapshot());
        var main = wiki.Run(WikiHarness.Now.AddHours(2), agent: "main");
        Assert.Equal(["journal/2026-02.md", "projects/home-assistant/home-assistant.md"], main.Updated.Order());
        Assert.Contains("(research)", wiki.Read("journal/2026-02.md"));
    }

    [Fact]
    public void A_vault_without_its_cache_is_rebuilt_from_the_sources_with_no_page_change()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        File.Delete(Path.Combine(wiki.Vault, VaultLayout.Cache));
        var result = wiki.Run(WikiHarness.Now.AddHours(1));
        Assert.True(result.NothingChanged);
        Assert.Equal(16, result.SessionsRead);
        Assert.True(File.Exists(Path.Combine(wiki.Vault, VaultLayout.Cache)));
    }
}
