using ClawLearn.Cli;

namespace ClawLearn.Tests.Cli;

public sealed class ArmLabelsTests
{
    // The rule as first written, one pass over every arm per label.
    private static string? Reference(string label, IReadOnlyList<string> known)
    {
        if (known.Contains(label)) return label;
        if (label.Contains(':')) return known.FirstOrDefault(a => string.Equals(a, label, StringComparison.OrdinalIgnoreCase));
        var byLast = known.Where(a => string.Equals(a[(a.LastIndexOf(':') + 1)..], label, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byLast.Count == 1) return byLast[0];
        var contains = known.Where(a => a.Contains(label, StringComparison.OrdinalIgnoreCase)).ToList();
        return byLast.Count == 0 && contains.Count == 1 ? contains[0] : null;
    }

    private static readonly string[] Known =
    [
        "tool:fs:read", "tool:fs:write", "tool:web:web_search", "tool:web:web_fetch", "skill:custom:weather", "file:bootstrap:AGENTS.md",
        "file:bootstrap:SOUL.md", "memory:projects:my-api", "memory:projects:main", "memory:notes:main", "tool:exec:exec", "TOOL:FS:Read",
    ];

    [Theory]
    [InlineData("tool:fs:read", "tool:fs:read")]
    [InlineData("tool:fs:READ", "tool:fs:read")]
    [InlineData("read", null)]
    [InlineData("write", "tool:fs:write")]
    [InlineData("WEATHER", "skill:custom:weather")]
    [InlineData("fetch", "tool:web:web_fetch")]
    [InlineData("web_", null)]
    [InlineData("main", null)]
    [InlineData("my-api", "memory:projects:my-api")]
    [InlineData("nothing", null)]
    public void Labels_resolve_as_the_reference_command_does(string label, string? expected)
    {
        Assert.Equal(expected, new ArmLabels(Known).Resolve(label));
        Assert.Equal(expected, Reference(label, Known));
    }

    [Fact]
    public void Every_label_of_random_sets_resolves_as_one_pass_over_the_arms_does()
    {
        var random = new Random(11);
        string[] parts = ["fs", "read", "Read", "web", "a", "ab", "main", "x_y", "md"];
        string[] types = ["tool", "skill", "memory", "file"];
        for (var round = 0; round < 300; round++)
        {
            var known = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => $"{types[random.Next(types.Length)]}:{parts[random.Next(parts.Length)]}:{parts[random.Next(parts.Length)]}{(random.Next(3) == 0 ? ".md" : "")}")
                .Distinct().ToList();
            var labels = new ArmLabels(known);
            foreach (var label in parts.Concat(known).Concat(known.Select(k => k.ToUpperInvariant())).Append("b").Append("tool:fs"))
                Assert.Equal(Reference(label, known), labels.Resolve(label));
        }
    }

    [Fact]
    public void An_ambiguous_label_names_some_of_the_arms_it_matches()
    {
        var labels = new ArmLabels(Known);
        Assert.Equal("'read' matches several arms of agent 'main' (tool:fs:read, TOOL:FS:Read); give the whole id", labels.NoMatch("read", "main"));
        Assert.Equal("'web_' matches several arms of agent 'main' (tool:web:web_search, tool:web:web_fetch); give the whole id", labels.NoMatch("web_", "main"));
        Assert.Equal("no arm matches 'nothing' for agent 'main'", labels.NoMatch("nothing", "main"));
    }
}
