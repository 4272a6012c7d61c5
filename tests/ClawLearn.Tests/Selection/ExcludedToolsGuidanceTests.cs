using ClawLearn.Selection;

namespace ClawLearn.Tests.Selection;

public class ExcludedToolsGuidanceTests
{
    [Fact]
    public void Nothing_to_say_when_no_tool_is_excluded() =>
        Assert.Null(ExcludedToolsGuidance.For(["file:workspace:MEMORY.md", "memory:projects:main", "skill:x:main"]));

    [Fact]
    public void Lists_excluded_tool_names_with_colons_kept()
    {
        var text = ExcludedToolsGuidance.For(["tool:exec:exec", "file:workspace:A.md", "tool:other:mcp:github:search"]);
        Assert.Contains("not loaded in this run: exec, mcp:github:search.", text);
    }

    [Fact]
    public void Names_are_sanitised_and_capped()
    {
        var text = ExcludedToolsGuidance.For(["tool:other:evil\u0007\nname", "tool:other:" + new string('x', 100)])!;
        Assert.Contains("evilname", text);
        Assert.Contains(new string('x', 64) + ".", text);
        Assert.DoesNotContain(new string('x', 65), text);
    }
}
