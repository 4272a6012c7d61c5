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
    [InlineData(@"lone high \ud800")]
    [InlineData(@"lone high \ud800x")]
    [InlineData(@"lone high \ud800\n")]
    [InlineData(@"two highs \ud800\ud800")]
    [InlineData(@"lone low \udc00")]
    [InlineData(@"\ud800\u0065")]
    public void Gives_what_the_reader_gives(string body)
    {
        var quoted = Encoding.UTF8.GetBytes($"\"{body}\"");
        Assert.Equal(Describe(() => Reader(quoted)), Describe(() => JsonUnescape.ToString(quoted.AsSpan(1, quoted.Length - 2))));
        var repeated = Encoding.UTF8.GetBytes($"\"{string.Concat(Enumerable.Repeat(body + @"\n", 100))}\"");
        Assert.Equal(Describe(() => Reader(repeated)), Describe(() => JsonUnescape.ToString(repeated.AsSpan(1, repeated.Length - 2))));
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
