using ClawLearn.Workspace;

namespace ClawLearn.Tests.Workspace;

public sealed class UniqueSlugsTests
{
    // The rule as first written: try the slug, then -2, -3… from the start every time.
    private static string Reference(HashSet<string> used, string heading, string scope)
    {
        var slug = Slug.From(heading) is { Length: > 0 } s ? s : "section";
        var candidate = slug;
        for (var n = 2; !used.Add(scope + candidate); n++) candidate = $"{slug}-{n}";
        return candidate;
    }

    [Fact]
    public void Repeated_headings_are_numbered_from_2_and_skip_names_already_taken()
    {
        var slugs = new UniqueSlugs();
        slugs.Reserve("notes:main");
        Assert.Equal("notes", slugs.Take("Notes", ""));
        Assert.Equal("notes-3", slugs.Take("Notes 3", ""));
        Assert.Equal("notes-2", slugs.Take("notes", ""));
        Assert.Equal("notes-4", slugs.Take("NOTES", ""));
        Assert.Equal("main-2", slugs.Take("Main", "notes:"));
        Assert.Equal("main", slugs.Take("Main", "other:"));
        Assert.Equal("section", slugs.Take("***", ""));
        Assert.Equal("section-2", slugs.Take("", ""));
    }

    [Fact]
    public void Every_name_matches_the_first_free_number_rule_on_random_headings()
    {
        var random = new Random(7);
        string[] bases = ["Notes", "notes-2", "Notes 3", "main", "Main 2", "***", "a", "A-2-2", "a 2", "section", "section-3"];
        for (var round = 0; round < 200; round++)
        {
            var slugs = new UniqueSlugs();
            var used = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < 60; i++)
            {
                var scope = random.Next(3) switch { 0 => "", 1 => "notes:", _ => "a:" };
                if (random.Next(10) == 0)
                {
                    var reserved = scope + bases[random.Next(bases.Length)].ToLowerInvariant().Replace(' ', '-');
                    slugs.Reserve(reserved);
                    used.Add(reserved);
                    continue;
                }
                var heading = bases[random.Next(bases.Length)];
                Assert.Equal(Reference(used, heading, scope), slugs.Take(heading, scope));
            }
        }
    }

    [Fact]
    public void Thirty_thousand_sections_of_one_heading_get_thirty_thousand_arms()
    {
        // A MEMORY.md like this took ~20 s to split when each name searched from -2 again.
        var text = string.Concat(Enumerable.Repeat("## Log\n- entry\n", 30_000));
        var content = BootstrapTruncation.Apply(text, "MEMORY.md", 20_000);
        var sections = MemorySections.Split(content, text.TrimEnd());
        Assert.Equal(30_000, sections.Select(s => s.ArmId).Distinct().Count());
        Assert.Equal("memory:log:main", sections[0].ArmId);
        Assert.Equal("memory:log-30000:main", sections[^1].ArmId);
    }
}
