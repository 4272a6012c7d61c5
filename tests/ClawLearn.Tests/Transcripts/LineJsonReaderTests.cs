using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts;

/// <summary>
/// The line tokenizer must accept exactly the lines <see cref="Utf8JsonReader"/> accepts (with the scan's options) and
/// give the same tokens: checked on generated lines of every shape, valid and mutated.
/// </summary>
public sealed class LineJsonReaderTests
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = LineJsonReader.MaxDepth };

    [Fact]
    public void Generated_and_mutated_lines_are_judged_and_tokenised_as_the_framework_reader_does()
    {
        var random = new Random(20261122);
        int valid = 0, invalid = 0;
        for (var n = 0; n < 60_000; n++)
        {
            var text = new StringBuilder();
            Value(random, text, depth: 0);
            var line = Encoding.UTF8.GetBytes(text.ToString());
            if (random.Next(3) > 0) line = Mutate(random, line);
            if (!Utf8.IsValid(line)) continue; // the parser rejects such lines before the scan
            var expected = Framework(line);
            Assert.Equal(expected, Ours(line));
            if (expected.EndsWith("ok", StringComparison.Ordinal)) valid++;
            else invalid++;
        }
        // Both kinds in numbers, or the comparison proves little.
        Assert.True(valid > 10_000 && invalid > 10_000, $"{valid} valid, {invalid} invalid");
    }

    // Strings are crossed 32 bytes at a time: every kind of stop (closing quote, each escape, an invalid escape, a
    // control byte, the end of the line) is put at every offset of a long string, alone and after other escapes.
    [Fact]
    public void Long_strings_are_judged_alike_whatever_sits_at_a_block_boundary()
    {
        string[] stops = ["\"", "\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", "\\u12G4", "\\x", "\t", "\\", "\\u12", "é", "\u0001"];
        var random = new Random(32);
        var checkedLines = 0;
        for (var offset = 0; offset < 100; offset++)
        {
            foreach (var stop in stops)
            {
                foreach (var tail in new[] { "\"", "", "\\", "abc\"", "\\n\"" })
                {
                    var before = new StringBuilder();
                    while (before.Length < offset) before.Append(random.Next(5) == 0 ? "\\n" : "x");
                    var text = $"[\"{before}{stop}{new string('y', random.Next(0, 70))}{tail}]";
                    var line = Encoding.UTF8.GetBytes(text);
                    Assert.Equal(Framework(line), Ours(line));
                    // Cut anywhere in the last 40 bytes: a string that runs into the end of the line.
                    var cut = line[..Math.Max(0, line.Length - random.Next(1, 40))];
                    Assert.Equal(Framework(cut), Ours(cut));
                    checkedLines += 2;
                }
            }
        }
        Assert.True(checkedLines > 10_000);
    }

    // From a review: random strings of up to 120 bytes (every kind of piece, property names too), often cut short.
    [Fact]
    public void Random_strings_near_block_edges_match_the_framework_reader()
    {
        string[] pieces = ["a", "b", "é", "€", "𝄞", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\uD83D", "\\uABCD", "\\u12", "\\u12G4", "\\x", "\\", "\"", "\t", "\u0001", " ", "\u007f"];
        var random = new Random(7);
        int valid = 0, invalid = 0;
        for (var round = 0; round < 50_000; round++)
        {
            var text = new StringBuilder(random.Next(3) switch { 0 => "[\"", 1 => "{\"", _ => "\"" });
            var length = random.Next(0, 120);
            while (text.Length < length) text.Append(random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] : "x");
            text.Append(random.Next(6) switch { 0 => "", 1 => "\"", 2 => "\"]", 3 => "\":1}", 4 => "\\", _ => "\",\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\\n\"]" });
            var line = Encoding.UTF8.GetBytes(text.ToString());
            if (random.Next(3) == 0) line = line[..random.Next(0, line.Length + 1)];
            if (!Utf8.IsValid(line)) continue;
            var expected = Framework(line);
            Assert.Equal(expected, Ours(line));
            if (expected.EndsWith("ok", StringComparison.Ordinal)) valid++;
            else invalid++;
        }
        Assert.True(valid > 500 && invalid > 5_000, $"{valid} valid, {invalid} invalid"); // mostly broken strings, by design
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{}")]
    [InlineData(" {\"a\" : [1, -0, 0.5, 1e3, 2E-2, true, false, null, \"x\"] } ")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("[,1]")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":1}{}")]
    [InlineData("{\"a\":1} x")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("truex")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("[1 2]")]
    [InlineData("\"a\\u12\"")]
    [InlineData("\"a\\u12G4\"")]
    [InlineData("\"a\\x\"")]
    [InlineData("\"a\\ud800\"")]
    [InlineData("\"a\\\"")]
    [InlineData("\"tab\there\"")]
    [InlineData("{\"a\":\"b\" \"c\":1}")]
    [InlineData("[1]]")]
    [InlineData("{\"a\":1}}")]
    [InlineData("/* c */ {}")]
    [InlineData("{'a':1}")]
    [InlineData("[1,\r\n2]")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("1.7976931348623157e309")]
    public void Edge_cases_match_the_framework_reader(string text)
    {
        var line = Encoding.UTF8.GetBytes(text);
        Assert.Equal(Framework(line), Ours(line));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    public void Nesting_is_limited_as_in_the_framework_reader(int depth)
    {
        foreach (var (open, close) in new[] { ("[", "]"), ("{\"a\":", "}") })
        {
            var line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
            Assert.Equal(Framework(line), Ours(line));
        }
    }

    [Fact]
    public void Skip_moves_past_the_value_as_the_framework_reader_does()
    {
        var line = """{"a":{"b":[1,{"c":"d"}],"e":2},"f":[[]],"g":3}"""u8;
        var theirs = new Utf8JsonReader(line, Options);
        var ours = new LineJsonReader(line);
        theirs.Read();
        ours.Read();
        while (theirs.Read())
        {
            Assert.True(ours.Read());
            Assert.Equal(theirs.TokenType, ours.TokenType);
            theirs.Skip();
            ours.Skip();
            Assert.Equal((theirs.TokenType, theirs.BytesConsumed), (ours.TokenType, ours.BytesConsumed));
        }
        Assert.False(ours.Read());
    }

    // The token stream and verdict: each token's type, start, value bytes and escape flag (and end, for values).
    private static string Framework(byte[] line)
    {
        var tokens = new StringBuilder();
        try
        {
            var reader = new Utf8JsonReader(line, Options);
            var any = false;
            while (reader.Read())
            {
                any = true;
                Token(tokens, reader.TokenType, reader.TokenStartIndex, reader.ValueSpan, reader.ValueIsEscaped, reader.BytesConsumed);
                if (reader.TokenType == JsonTokenType.Number) tokens.Append(reader.TryGetDouble(out var d) ? d.ToString("R") : "no double").Append('\n');
            }
            return tokens.Append(any ? "ok" : "no token").ToString();
        }
        catch (JsonException)
        {
            return "invalid";
        }
    }

    private static string Ours(byte[] line)
    {
        var tokens = new StringBuilder();
        try
        {
            var reader = new LineJsonReader(line);
            var any = false;
            while (reader.Read())
            {
                any = true;
                Token(tokens, reader.TokenType, reader.TokenStartIndex, reader.ValueSpan, reader.ValueIsEscaped, reader.BytesConsumed);
                if (reader.TokenType == JsonTokenType.Number) tokens.Append(reader.TryGetDouble(out var d) ? d.ToString("R") : "no double").Append('\n');
            }
            return tokens.Append(any ? "ok" : "no token").ToString();
        }
        catch (JsonException)
        {
            return "invalid";
        }
    }

    private static void Token(StringBuilder tokens, JsonTokenType type, long start, ReadOnlySpan<byte> value, bool escaped, long consumed)
    {
        tokens.Append(type).Append(' ').Append(start).Append(' ').Append(Convert.ToHexString(value)).Append(' ').Append(escaped);
        if (type != JsonTokenType.PropertyName) tokens.Append(' ').Append(consumed); // after a name: past its colon here, not there
        tokens.Append('\n');
    }

    private static void Value(Random random, StringBuilder text, int depth)
    {
        Space(random, text);
        switch (random.Next(depth > 5 ? 4 : 7))
        {
            case 0: String(random, text); break;
            case 1: Number(random, text); break;
            case 2: text.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" }); break;
            case 3: String(random, text); break;
            case 4 or 5:
                text.Append('{');
                for (var i = random.Next(4); i > 0; i--)
                {
                    Space(random, text);
                    String(random, text);
                    Space(random, text);
                    text.Append(':');
                    Value(random, text, depth + 1);
                    if (i > 1) text.Append(',');
                }
                Space(random, text);
                text.Append('}');
                break;
            default:
                text.Append('[');
                for (var i = random.Next(4); i > 0; i--)
                {
                    Value(random, text, depth + 1);
                    if (i > 1) text.Append(',');
                }
                Space(random, text);
                text.Append(']');
                break;
        }
        Space(random, text);
    }

    private static readonly string[] Pieces = ["plain text ", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\ud83d\\ude00", "\\ud800", "é", "日本", "😀", "x", " ", "{", "]", ":", ","];

    private static void String(Random random, StringBuilder text)
    {
        text.Append('"');
        for (var i = random.Next(6); i > 0; i--) text.Append(Pieces[random.Next(Pieces.Length)]);
        if (random.Next(200) == 0) text.Append('\t'); // a raw control character: invalid
        text.Append('"');
    }

    private static readonly string[] Numbers = ["0", "-0", "7", "42", "-13", "3.25", "0.5", "1e10", "1E-5", "-2.5e+3", "123456789012345678901234567890", "1e400", "01", "1.", ".5", "-", "+1", "1e", "00"];

    private static void Number(Random random, StringBuilder text) => text.Append(Numbers[random.Next(random.Next(4) == 0 ? Numbers.Length : 12)]);

    private static void Space(Random random, StringBuilder text)
    {
        if (random.Next(6) == 0) text.Append(random.Next(4) switch { 0 => " ", 1 => "\t", 2 => "\r\n", _ => "  " });
    }

    private static readonly byte[] Noise = "{}[]\",:\\ 0123456789.-+eEtfnlrsaux/\t"u8.ToArray();

    private static byte[] Mutate(Random random, byte[] line)
    {
        var bytes = line.ToList();
        for (var edits = random.Next(1, 3); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < bytes.Count: bytes.RemoveAt(at); break;
                case 1 when at < bytes.Count: bytes[at] = Noise[random.Next(Noise.Length)]; break;
                default: bytes.Insert(at, Noise[random.Next(Noise.Length)]); break;
            }
        }
        return [.. bytes];
    }
}
