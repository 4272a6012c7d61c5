using ClawLearn.StateDir;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using ClawLearn.Workspace;

namespace ClawLearn.Tests.Workspace;

public class WorkspaceTests
{
    [Fact]
    public void Bootstrap_files_come_in_the_seed_priority_order_and_empty_or_missing_ones_are_left_out()
    {
        using var fixture = new FixtureDir();
        var state = fixture.Open();
        var main = state.ReadWorkspace(state.Agent("main")!);
        Assert.Equal(["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "TOOLS.md", "HEARTBEAT.md", "MEMORY.md"], main.BootstrapFiles.Select(f => f.Name));
        Assert.Equal([10, 20, 30, 40, 50, 55, 70], main.BootstrapFiles.Select(f => f.Priority));
        Assert.Equal(["BOOTSTRAP.md"], main.MissingBootstrapFiles);

        var research = state.ReadWorkspace(state.Agent("research")!);
        Assert.Equal(["AGENTS.md", "BOOTSTRAP.md", "memory.md"], research.BootstrapFiles.Select(f => f.Name));
        Assert.Equal(["SOUL.md", "IDENTITY.md", "USER.md", "TOOLS.md", "HEARTBEAT.md"], research.MissingBootstrapFiles);
        Assert.Equal("memory.md", research.MemoryFile!.Name);
    }

    [Fact]
    public void A_file_empty_after_trimming_is_skipped_entirely()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.Combine("AGENTS.md"), "  \n\t\n");
        File.WriteAllText(temp.Combine("SOUL.md"), "soul\n\n");
        var ws = WorkspaceReader.Read(temp.Path, 20000, new SafeFileAccess(temp.Path));
        Assert.Equal(["SOUL.md"], ws.BootstrapFiles.Select(f => f.Name));
        Assert.Equal("soul", ws.BootstrapFiles[0].Content.Injected);
    }

    [Fact]
    public void Truncation_keeps_70_percent_head_20_percent_tail_and_the_exact_marker()
    {
        var text = MemoryMarkdownBuilder.Build();
        var result = BootstrapTruncation.Apply(text, "MEMORY.md", 20000);
        var trimmed = text.TrimEnd();
        Assert.True(result.Truncated);
        Assert.Equal((26000, 14000, 4000), (result.RawChars, result.HeadChars, result.TailChars));
        var expected = trimmed[..14000] + "\n"
            + "\n[...truncated, read MEMORY.md for full content...]\n\u2026(truncated MEMORY.md: kept 14000+4000 chars of 26000)\u2026\n"
            + "\n" + trimmed[^4000..];
        Assert.Equal(expected, result.Injected);
        Assert.Contains(MemoryMarkdownBuilder.KeptStartSentence, result.Injected);
        Assert.Contains(MemoryMarkdownBuilder.KeptEndSentence, result.Injected);
        Assert.DoesNotContain(MemoryMarkdownBuilder.CutMiddleSentence, result.Injected);
    }

    [Theory]
    [InlineData(100, 70, 20)]
    [InlineData(12000, 8400, 2400)]
    [InlineData(7, 4, 1)]
    public void Truncation_floors_head_and_tail(int max, int head, int tail)
    {
        var result = BootstrapTruncation.Apply(new string('a', max + 1), "X.md", max);
        Assert.Equal((head, tail), (result.HeadChars, result.TailChars));
        Assert.StartsWith(new string('a', head) + "\n\n[...truncated, read X.md", result.Injected);
    }

    [Fact]
    public void Content_at_the_limit_is_injected_whole_after_trimming()
    {
        var result = BootstrapTruncation.Apply(new string('a', 100) + "\n\n  ", "X.md", 100);
        Assert.False(result.Truncated);
        Assert.Equal(100, result.InjectedChars);
    }

    [Fact]
    public void Truncation_counts_utf16_code_units_like_javascript()
    {
        var emoji = string.Concat(Enumerable.Repeat("🦞", 60)); // 120 UTF-16 units
        var result = BootstrapTruncation.Apply(emoji, "E.md", 100);
        Assert.True(result.Truncated);
        Assert.Equal(120, result.RawChars);
    }

    [Fact]
    public void Memory_sections_are_split_with_slugs_and_the_truncated_middle_is_marked_hidden()
    {
        using var fixture = new FixtureDir();
        var state = fixture.Open();
        var ws = state.ReadWorkspace(state.Agent("main")!);
        Assert.Equal(
        [
            "memory:user-preferences:main", "memory:projects:home-assistant", "memory:projects:blog-rewrite", "memory:decisions:main",
            "memory:archive:main", "memory:archive:old-vendors", "memory:archive:travel-2025", "memory:lessons:main",
        ], ws.MemorySections.Select(s => s.ArmId));
        Assert.Equal(["memory:archive:main", "memory:archive:old-vendors", "memory:archive:travel-2025"],
            ws.MemorySections.Where(s => s.HiddenByTruncation).Select(s => s.ArmId));
        var prefs = ws.MemorySections[0];
        Assert.Equal("User Preferences", prefs.Heading);
        Assert.Contains("- " + MemoryMarkdownBuilder.KeptStartSentence, prefs.Lines);
        Assert.Equal((prefs.Chars + 3) / 4, prefs.TokenCost);
    }

    [Fact]
    public void Memory_section_rules_cover_preamble_empty_main_duplicates_and_code_fences()
    {
        const string text = """
            # Memory
            preamble is not an arm
            ### orphan before any h2 is not an arm
            ## Projects
            ### my-api
            - FastAPI app
            ### My API!
            - duplicate slug
            ## Notes & Ideas
            ```
            ## not a heading inside a fence
            ```
            #### deeper headings stay in their section
            """;
        var content = BootstrapTruncation.Apply(text, "MEMORY.md", 20000);
        var sections = MemorySections.Split(content, text.TrimEnd());
        Assert.Equal(["memory:projects:my-api", "memory:projects:my-api-2", "memory:notes-ideas:main"], sections.Select(s => s.ArmId));
        Assert.Contains("## not a heading inside a fence", sections[2].Lines);
        Assert.All(sections, s => Assert.False(s.HiddenByTruncation));
    }

    [Theory]
    [InlineData("Notes & Ideas", "notes-ideas")]
    [InlineData("  --Hello,   World!--  ", "hello-world")]
    [InlineData("Ünïcode Café", "ünïcode-café")]
    [InlineData("***", "")]
    public void Slugs_lower_case_and_collapse_non_alphanumerics(string heading, string slug) => Assert.Equal(slug, Slug.From(heading));

    [Fact]
    public void Daily_notes_are_dated_files_directly_under_memory_and_other_notes_are_listed()
    {
        using var fixture = new FixtureDir();
        var state = fixture.Open();
        var ws = state.ReadWorkspace(state.Agent("main")!);
        Assert.Equal(StateDirFixture.MainDailyNoteDates, ws.DailyNotes.Select(n => n.Date.ToString("yyyy-MM-dd")));
        Assert.Equal("memory:daily:2026-02-21", ws.DailyNotes[^1].ArmId);
        Assert.Equal(["2026-02-12-vendor-pitch.md", "projects/home-assistant.md"], ws.OtherMemoryNotes);
        Assert.NotNull(ws.DreamsPath);
    }

    [Fact]
    public void A_missing_workspace_reports_every_always_listed_file_missing()
    {
        using var fixture = new FixtureDir();
        var state = fixture.Open();
        var ws = state.ReadWorkspace(state.Agent("ops")!);
        Assert.False(ws.Exists);
        Assert.Equal(7, ws.MissingBootstrapFiles.Count);
    }

    [Fact]
    public void A_custom_bootstrap_limit_from_config_applies()
    {
        using var fixture = new FixtureDir();
        var config = fixture.Path("openclaw.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("bootstrapMaxChars: 20000", "bootstrapMaxChars: 12000"));
        var state = fixture.Open();
        var memory = state.ReadWorkspace(state.Agent("main")!).MemoryFile!;
        Assert.Equal((8400, 2400), (memory.Content.HeadChars, memory.Content.TailChars));
    }
}
