using ClawLearn.Runs;

namespace ClawLearn.Tests.Learning;

/// <summary>
/// Reference detection's line matcher finds exactly the lines a plain substring search finds: checked against
/// <c>string.Contains</c> on random texts built from the lines themselves (at the start, the end, overlapping, cut
/// short), from a small alphabet so that near misses abound, and from non-ASCII text.
/// </summary>
public sealed class LineMatcherTests
{
    private static HashSet<string> Expected(IEnumerable<(string Key, string Line)> lines, string text) =>
        lines.Where(l => l.Line.Length >= LineMatcher.MinLineChars && text.Contains(l.Line, StringComparison.Ordinal)).Select(l => l.Key).ToHashSet();

    private static HashSet<string> Found(LineMatcher matcher, string text)
    {
        var hits = new HashSet<string>(StringComparer.Ordinal);
        matcher.Match(text, hits);
        return hits;
    }

    [Theory]
    [InlineData("ab", 1)]
    [InlineData("abc xyz", 2)]
    [InlineData("aé€𝄞 b", 3)] // non-ASCII, a surrogate pair among them
    public void Finds_what_a_substring_search_finds(string alphabet, int seed)
    {
        var random = new Random(seed);
        string Word(int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var checkedTexts = 0;
        var withHits = 0;
        for (var round = 0; round < 300; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 12)).Select(i => ($"k{i}", Word(random.Next(15, 40)))).ToList();
            // Lines sharing a long prefix, and a line that repeats one character.
            lines.Add(("shared", lines[0].Item2 + Word(3)));
            lines.Add(("same", new string(alphabet[0], random.Next(20, 30))));
            var matcher = new LineMatcher(lines);
            for (var t = 0; t < 10; t++)
            {
                var text = new System.Text.StringBuilder();
                for (var piece = random.Next(0, 8); piece > 0; piece--)
                {
                    var line = lines[random.Next(lines.Count)].Item2;
                    text.Append(random.Next(4) switch
                    {
                        0 => Word(random.Next(0, 30)),
                        1 => line,
                        2 => line[..random.Next(line.Length)], // cut short: must not match
                        _ => line[random.Next(line.Length)..], // cut at the start
                    });
                }
                var s = text.ToString();
                var expected = Expected(lines, s);
                Assert.True(expected.SetEquals(Found(matcher, s)), $"text {s} lines {string.Join(" | ", lines)}");
                checkedTexts++;
                if (expected.Count > 0) withHits++;
            }
        }
        Assert.True(withHits > checkedTexts / 4, $"only {withHits} of {checkedTexts} texts had a hit");
    }

    [Fact]
    public void Finds_a_line_at_every_position_of_the_text()
    {
        const string line = "the deploy runbook lives in ops/";
        var matcher = new LineMatcher([("k", line)]);
        for (var before = 0; before < 12; before++)
        {
            for (var after = 0; after < 12; after++)
            {
                var text = new string('x', before) + line + new string('y', after);
                Assert.Equal(["k"], Found(matcher, text));
                Assert.Empty(Found(matcher, text.Remove(before + 10, 1))); // one character gone
            }
        }
    }

    [Fact]
    public void Short_lines_and_short_texts_never_match()
    {
        var matcher = new LineMatcher([("short", "nineteen characters"), ("long", "exactly twenty chars")]);
        Assert.Equal(19, "nineteen characters".Length);
        Assert.Empty(Found(matcher, "say nineteen characters here"));
        Assert.Equal(["long"], Found(matcher, "exactly twenty chars"));
        Assert.Empty(Found(matcher, "exactly twenty char"));
        Assert.True(new LineMatcher([("short", "too short")]).IsEmpty);
    }
}
