using System.Text.RegularExpressions;
using ClawLearn.Runs;

namespace ClawLearn.Tests.Learning;

// SkillPaths replaced a regex for speed; the regex stays here as the definition it must agree with.
public class SkillPathsTests
{
    private static readonly Regex Definition = new(@"([A-Za-z0-9_][A-Za-z0-9_.\-]*)/SKILL\.md", RegexOptions.CultureInvariant);

    private static List<string> Expected(string text)
    {
        var names = new List<string>();
        foreach (Match m in Definition.Matches(text))
        {
            if (!names.Contains(m.Groups[1].Value)) names.Add(m.Groups[1].Value);
        }
        return names;
    }

    private static List<string> Actual(string text)
    {
        var names = new List<string>();
        SkillPaths.AddNames(text, names);
        return names;
    }

    [Theory]
    [InlineData("")]
    [InlineData("/SKILL.md")]
    [InlineData("read ~/.openclaw/skills/wiki-ingest/SKILL.md and skills/web/SKILL.md")]
    [InlineData("a/SKILL.md/SKILL.md")]
    [InlineData("x.y-z/SKILL.md")]
    [InlineData("-.-/SKILL.md .a/SKILL.md -_b/SKILL.md")]
    [InlineData("web/SKILL.mdweb/SKILL.md web/SKILL.md")]
    [InlineData("é/SKILL.md ü-a/SKILL.md 日本語b/SKILL.md")]
    [InlineData("web/skill.md web/SKILL.MD web /SKILL.md")]
    [InlineData("a/SKILL.md.b/SKILL.md")]
    public void Finds_what_the_regex_finds(string text) => Assert.Equal(Expected(text), Actual(text));

    [Fact]
    public void Agrees_with_the_regex_on_random_text()
    {
        var random = new Random(7);
        string[] pieces = ["/SKILL.md", "/SKILL", ".md", "a", "Z", "0", "_", ".", "-", "/", " ", "\n", "é", "S", "web", "/skill.md"];
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(Expected(text), Actual(text));
        }
    }
}
