using System.Text;
using System.Text.Json;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts;

// JsonUnescape replaced Utf8JsonReader.GetString for speed; the reader stays here as the definition it must agree with.
public class JsonUnescapeTests
{
    [Theory]
    [InlineData(@"plain")]
    [InlineData(@"")]
    [InlineData(@"a\nb\tc\rd\be\ff\/g\\h\""i")]
    [InlineData(@"\u0065\u00e9\u65e5\u0000end")]
    [InlineData(@"é 日本語 \n ü")]
    [InlineData(@"pair \ud83d\ude00 and \uD83D\uDE00")]
    public void Gives_what_the_reader_gives(string body)
    {
        var quoted = Encoding.UTF8.GetBytes($"\"{body}\"");
        Assert.Equal(Describe(() => Reader(quoted)), Describe(() => JsonUnescape.ToString(quoted.AsSpan(1, quoted.Length - 2))));
        var repeated = Encoding.UTF8.GetBytes($"\"{string.Concat(Enumerable.Repeat(body + @"\n", 100))}\"");
        Assert.Equal(Describe(() => Reader(repeated)), Describe(() => JsonUnescape.ToString(repeated.AsSpan(1, repeated.Length - 2))));
    }

    // The reader throws on these; Node's JSON allows them, and Node writes each as U+FFFD in UTF-8.
    [Theory]
    [InlineData(@"lone high \ud800", "lone high \uFFFD")]
    [InlineData(@"lone high \ud800x", "lone high \uFFFDx")]
    [InlineData(@"lone high \ud800\n", "lone high \uFFFD\n")]
    [InlineData(@"two highs \ud800\ud800", "two highs \uFFFD\uFFFD")]
    [InlineData(@"high, low reversed \udc00\ud800", "high, low reversed \uFFFD\uFFFD")]
    [InlineData(@"lone low \udc00", "lone low \uFFFD")]
    [InlineData(@"\ud800\u0065", "\uFFFDe")]
    [InlineData(@"\ud800\ud83d\ude00", "\uFFFD\U0001F600")]
    [InlineData(@"escaped backslash \\ud800", "escaped backslash \\ud800")]
    public void A_surrogate_escape_that_makes_no_pair_becomes_U_FFFD(string body, string expected)
    {
        var quoted = Encoding.UTF8.GetBytes($"\"{body}\"");
        Assert.Equal(expected, JsonUnescape.ToString(quoted.AsSpan(1, quoted.Length - 2)));
        var repeated = Encoding.UTF8.GetBytes($"\"{string.Concat(Enumerable.Repeat(body + @"\n", 100))}\"");
        Assert.Equal(string.Concat(Enumerable.Repeat(expected + "\n", 100)), JsonUnescape.ToString(repeated.AsSpan(1, repeated.Length - 2)));
    }

    private static string Reader(byte[] quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    private static string Describe(Func<string> decode)
    {
        try
        {
            return "= " + decode();
        }
        catch (Exception e)
        {
            return "throws " + e.GetType().Name;
        }
    }
}
