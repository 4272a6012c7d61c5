using System.Text.Json.Nodes;
using ClawLearn.Config;

namespace ClawLearn.Tests.Config;

public class Json5ReaderTests
{
    private static JsonNode? Parse(string text) => Json5Reader.Parse(text, "test.json5");

    [Fact]
    public void Reads_comments_trailing_commas_unquoted_keys_and_single_quotes()
    {
        var node = Parse("""
            // line comment
            {
              /* block
                 comment */
              unquoted: 'single',
              "double": "x",
              $dollar_key: [1, 2, 3,],
              nested: { a: true, b: null, },
            }
            """)!.AsObject();
        Assert.Equal("single", (string?)node["unquoted"]);
        Assert.Equal("x", (string?)node["double"]);
        Assert.Equal([1L, 2L, 3L], node["$dollar_key"]!.AsArray().Select(n => (long)n!));
        Assert.True((bool)node["nested"]!["a"]!);
        Assert.Null(node["nested"]!["b"]);
    }

    [Theory]
    [InlineData("0x1F", 31L)]
    [InlineData("0XfF", 255L)]
    [InlineData("-0x10", -16L)]
    [InlineData("+42", 42L)]
    [InlineData("-7", -7L)]
    public void Reads_integers_in_every_notation(string text, long expected) => Assert.Equal(expected, (long)Parse(text)!);

    [Theory]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("+1.5e3", 1500.0)]
    [InlineData("-2E-2", -0.02)]
    public void Reads_decimals_with_leading_or_trailing_dots(string text, double expected) => Assert.Equal(expected, (double)Parse(text)!);

    [Fact]
    public void Reads_infinity_and_nan_with_signs()
    {
        Assert.Equal(double.PositiveInfinity, (double)Parse("Infinity")!);
        Assert.Equal(double.PositiveInfinity, (double)Parse("+Infinity")!);
        Assert.Equal(double.NegativeInfinity, (double)Parse("-Infinity")!);
        Assert.True(double.IsNaN((double)Parse("NaN")!));
        Assert.True(double.IsNaN((double)Parse("-NaN")!));
    }

    [Fact]
    public void Joins_line_continuations_and_decodes_escapes()
    {
        var text = "'one \\\ntwo \\\r\nthree \\x41\\u0042 \\' \\\" \\t\\0 \\q'";
        Assert.Equal("one two three AB ' \" \t\0 q", (string?)Parse(text));
    }

    [Fact]
    public void Keeps_env_placeholders_literal()
    {
        var node = Parse("{ apiKey: '${GEMINI_API_KEY}', escaped: '$${X}' }")!;
        Assert.Equal("${GEMINI_API_KEY}", (string?)node["apiKey"]);
        Assert.Equal("$${X}", (string?)node["escaped"]);
    }

    [Fact]
    public void Last_duplicate_key_wins() => Assert.Equal(2L, (long)Parse("{a: 1, a: 2}")!["a"]!);

    [Fact]
    public void Accepts_a_byte_order_mark_and_unicode_whitespace() =>
        Assert.Equal(1L, (long)Parse("\uFEFF\u00A0{\u2028k:\u20031}")!["k"]!);

    [Theory]
    [InlineData("{a: 1,,}", 1, 7, "expected a key")]
    [InlineData("{\n  a: 1\n  b: 2\n}", 3, 3, "expected ',' or '}'")]
    [InlineData("{a: 'unterminated}", 1, 19, "unterminated string")]
    [InlineData("[1, 2", 1, 6, "unexpected end of input inside an array")]
    [InlineData("{a: 01}", 1, 5, "leading zeros")]
    [InlineData("{a: 'x\ny'}", 1, 7, "line break inside a string")]
    [InlineData("/* open", 1, 1, "unterminated block comment")]
    [InlineData("{a: 1} extra", 1, 8, "after the end of the value")]
    [InlineData("", 1, 1, "empty document")]
    [InlineData("{a: 0x}", 1, 7, "hexadecimal digits")]
    public void Reports_file_line_and_column_of_syntax_errors(string text, int line, int column, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Parse(text));
        Assert.Equal("test.json5", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Detail);
        Assert.StartsWith($"test.json5:{line}:{column}: ", error.Message);
    }

    [Fact]
    public void Rejects_absurd_nesting_without_overflowing_the_stack()
    {
        var error = Assert.Throws<ConfigException>(() => Parse(new string('[', 10000)));
        Assert.Contains("nesting deeper", error.Detail);
    }
}
