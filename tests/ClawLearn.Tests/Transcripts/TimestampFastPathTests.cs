using System.Text;

namespace ClawLearn.Tests.Transcripts;

public class TimestampFastPathTests
{
    [Theory]
    [InlineData("2026-01-01T00:00:07.000Z")]
    [InlineData("2024-02-29T23:59:59.999Z")]
    [InlineData("0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.999Z")]
    public void The_canonical_form_gives_what_the_general_parser_gives(string text)
    {
        Assert.True(Timestamps.TryParseCanonical(Encoding.UTF8.GetBytes(text), out var ms));
        Assert.Equal(Timestamps.ParseIso(text), ms);
    }

    [Theory]
    [InlineData("2025-02-29T00:00:00.000Z")] // not a leap year
    [InlineData("2026-13-01T00:00:00.000Z")]
    [InlineData("2026-01-01T24:00:00.000Z")]
    [InlineData("2026-01-01T23:59:60.000Z")]
    [InlineData("0000-01-01T00:00:00.000Z")]
    [InlineData("2026-01-01T00:00:00.000+01:00")]
    [InlineData("2026-01-01 00:00:00.000Z")]
    [InlineData("2026-01-01T00:00:00Z")]
    public void Anything_else_is_left_to_the_general_parser(string text) =>
        Assert.False(Timestamps.TryParseCanonical(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void Random_canonical_shapes_agree_with_the_general_parser_whenever_the_fast_path_answers()
    {
        var random = new Random(7);
        var answered = 0;
        for (var i = 0; i < 100_000; i++)
        {
            string D(int n, int max) => random.Next(max).ToString().PadLeft(n, '0');
            var text = $"{D(4, 10000)}-{D(2, 14)}-{D(2, 33)}T{D(2, 26)}:{D(2, 62)}:{D(2, 62)}.{D(3, 1000)}Z";
            if (!Timestamps.TryParseCanonical(Encoding.UTF8.GetBytes(text), out var ms)) continue;
            answered++;
            Assert.Equal(Timestamps.ParseIso(text), ms);
        }
        Assert.True(answered > 10_000);
    }
}
