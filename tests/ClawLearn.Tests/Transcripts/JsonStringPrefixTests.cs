using System.Text.Json;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts;

public class JsonStringPrefixTests
{
    private static string Prefix(string value, int max, out bool cut)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(value));
        return JsonStringPrefix.Get(doc.RootElement, max, out cut);
    }

    [Theory]
    [InlineData("short", 10, "short", false)]
    [InlineData("exactly10!", 10, "exactly10!", false)]
    [InlineData("eleven chars", 10, "eleven cha", true)]
    public void Small_strings_are_decoded_whole_then_cut(string value, int max, string expected, bool expectCut)
    {
        Assert.Equal(expected, Prefix(value, max, out var cut));
        Assert.Equal(expectCut, cut);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(4096)]
    public void Long_plain_ascii_takes_the_fast_path_and_gives_the_exact_prefix(int max)
    {
        var value = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}: ok; ")); // ~25 KB of printable ASCII
        Assert.Equal(value[..max], Prefix(value, max, out var cut));
        Assert.True(cut);
        // One escape or non-ASCII character inside the window leaves the fast path; the result is still exact.
        var mixed = "é\t" + value;
        Assert.Equal(mixed[..max], Prefix(mixed, max, out _));
    }

    [Fact]
    public void Long_strings_decode_only_a_prefix_even_when_escapes_and_multibyte_characters_straddle_the_cut()
    {
        // Every combination of escape sequences, quotes and 2/3/4-byte UTF-8 around the byte boundary.
        var pieces = new[] { "a", "\"", "\\", "\n", "\u0001", "é", "€", "🦞", "\t" };
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var value = string.Concat(Enumerable.Range(0, 5000).Select(_ => pieces[random.Next(pieces.Length)]));
            var max = random.Next(1, 300);
            var prefix = Prefix(value, max, out var cut);
            Assert.True(cut);
            Assert.True(prefix.Length <= max);
            Assert.StartsWith(prefix, value, StringComparison.Ordinal);
            Assert.True(prefix.Length >= max - 1, $"prefix {prefix.Length} of max {max}"); // at most a surrogate pair short
        }
    }
}
