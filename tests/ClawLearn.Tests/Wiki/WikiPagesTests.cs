using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

public class WikiPagesTests
{
    [Fact]
    public void Recent_months_are_told_day_by_day_and_older_ones_summarised_in_bulk()
    {
        var cache = WikiCache.Empty();
        cache.Agents["main"] = new AgentSnapshot("main", null, true, true, 20000, [], [], null, [], null);
        var day = new DateOnly(2025, 8, 3);
        for (var i = 0; day <= new DateOnly(2026, 2, 20); i++, day = day.AddDays(9))
        {
            var heading = i % 2 == 0 ? "Session: garden" : "home-assistant";
            Add(cache, day, $"# {day:yyyy-MM-dd}\n\n## {heading}\n- Entry {i} about {heading}.\n");
        }
        Add(cache, null, "# Memory\n\n## Projects\n### home-assistant\n- Runs on the NUC.\n", NoteKind.Memory);

        var pages = PagePlanner.Plan(cache).Pages.ToDictionary(p => p.Path);
        foreach (var month in new[] { "2025-12", "2026-01", "2026-02" })
        {
            Assert.Contains("## Days", pages[$"journal/{month}.md"].Body);
            Assert.DoesNotContain("## Topics", pages[$"journal/{month}.md"].Body);
        }
        var old = pages["journal/2025-08.md"].Body;
        Assert.Contains("## Topics", old);
        Assert.DoesNotContain("## Days", old);
        Assert.DoesNotContain("Entry 0 about", old);
        Assert.Contains("- [[garden]]: 2 days (2025-08-03, 2025-08-21)", old);
        Assert.Contains("- [[home-assistant]]: 2 days (2025-08-12, 2025-08-30)", old);
        // One topic page for the recurring heading and one project page, whatever the number of notes.
        Assert.Single(pages.Keys, p => p.StartsWith("concepts/garden", StringComparison.Ordinal));
        Assert.Contains("## Timeline", pages["projects/home-assistant/home-assistant.md"].Body);
        Assert.Equal(7 + 2 + 1, pages.Count);
    }

    [Fact]
    public void A_heading_that_names_a_project_feeds_it_and_one_that_does_not_recur_stays_in_the_journal()
    {
        var cache = WikiCache.Empty();
        cache.Agents["main"] = new AgentSnapshot("main", null, true, true, 20000, [], [], null, [], null);
        Add(cache, null, "# Memory\n\n## Projects\n### my-api\n- FastAPI app on Fly.io.\n", NoteKind.Memory);
        Add(cache, new DateOnly(2026, 4, 15), "# 2026-04-15\n\n## Session: my-api refactor\n- Rewrote auth middleware to use JWT.\n\n## Session: obsidian-wiki\n- Added cross-linker skill.\n");
        var pages = PagePlanner.Plan(cache).Pages.ToDictionary(p => p.Path);
        Assert.Contains("Rewrote auth middleware to use JWT.", pages["projects/my-api/my-api.md"].Body);
        Assert.DoesNotContain(pages.Keys, p => p.Contains("obsidian-wiki", StringComparison.Ordinal));
        Assert.Contains("**obsidian-wiki**: Added cross-linker skill.", pages["journal/2026-04.md"].Body);
    }

    [Fact]
    public void A_repeated_hidden_heading_is_warned_about_once_naming_ten_and_counting_the_rest()
    {
        // 25 sections called "Errands": one topic with 25 parts. The warning used to be written under every part, each
        // naming all 25 (30,000 repeats made a page past the size a string can hold).
        const int repeats = 25;
        var sections = Enumerable.Range(1, repeats)
            .Select(i => new SectionCost(i == 1 ? "memory:errands:main" : $"memory:errands-{i}:main", "Errands", 40, Hidden: i > 2)).ToList();
        var cache = WikiCache.Empty();
        cache.Agents["main"] = new AgentSnapshot("main", null, true, true, 20000, [], [], "MEMORY.md", sections, null);
        Add(cache, null, "# Memory\n\n" + string.Concat(Enumerable.Repeat("## Errands\n- an entry\n", repeats)), NoteKind.Memory);

        var page = PagePlanner.Plan(cache).Pages.Single(p => p.Path == "concepts/errands.md").Body;
        var warning = Assert.Single(page.Split('\n'), l => l.Contains("Truncation hides", StringComparison.Ordinal));
        Assert.Contains(string.Join(", ", Enumerable.Repeat("\"Errands\"", TopicPages.MaxHiddenNamed)) + " and 13 more sections:", warning);
    }

    private static void Add(WikiCache cache, DateOnly? date, string markdown, NoteKind kind = NoteKind.Daily)
    {
        var name = date is { } d ? $"memory/{d:yyyy-MM-dd}.md" : "MEMORY.md";
        cache.Documents[$"~/ws/{name}"] = new WorkspaceDoc($"~/ws/{name}", $"openclaw://workspace/{name}", "main", kind, date, name, OutlineParser.Parse(markdown));
    }
}
