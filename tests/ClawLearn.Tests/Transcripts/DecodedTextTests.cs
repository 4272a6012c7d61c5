using System.Text;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts;

public class DecodedTextTests
{
    [Fact]
    public void Ranges_survive_the_buffer_growing_under_them()
    {
        var text = new DecodedText();
        var start = text.Length;
        text.AppendJsonString("caf\\u00e9 \\\"quoted\\\"\\n"u8, escaped: true);
        text.EndText(start);
        var arguments = new List<string>();
        for (var call = 0; call < 3; call++)
        {
            start = text.Length;
            // Each call's arguments outgrow the buffer so far: earlier ranges must still read the same characters.
            var body = new string((char)('a' + call), 300 << call) + "é";
            text.AppendJsonString(Encoding.UTF8.GetBytes(body), escaped: false);
            text.EndArguments(start);
            arguments.Add(body);
        }
        Assert.Equal("café \"quoted\"\n", text.Text.ToString());
        for (var call = 0; call < 3; call++) Assert.Equal(arguments[call], text.Arguments(call).ToString());
        text.Release();
    }

    [Fact]
    public void Clearing_forgets_every_range_and_a_huge_line_is_not_kept()
    {
        var text = new DecodedText();
        text.AppendUtf8(Encoding.UTF8.GetBytes(new string('x', 3_000_000)));
        text.EndArguments(0);
        Assert.True(text.Capacity >= 3_000_000);
        text.Clear();
        Assert.Equal(0, text.Length);
        Assert.Equal(0, text.Capacity);
        Assert.True(text.Text.IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Arguments(0).Length);

        text.Append("small");
        text.Append('!');
        text.EndText(0);
        Assert.Equal("small!", text.Text.ToString());
        Assert.Equal("small!", text.ToString(0));
        Assert.Equal("", text.ToString(text.Length));
        text.Release();
    }
}
