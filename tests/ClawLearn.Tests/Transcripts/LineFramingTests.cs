using System.Text;
using ClawLearn.Tests.Support;
using ClawLearn.Transcripts;
using static ClawLearn.Tests.Transcripts.TranscriptTestHelpers;

namespace ClawLearn.Tests.Transcripts;

public class LineFramingTests
{
    private const string User = """{"role":"user","content":"hello","timestamp":"2026-02-20T09:00:00Z"}""";
    private const string Assistant = """{"role":"assistant","content":"hi","timestamp":"2026-02-20T09:00:01Z"}""";

    [Fact]
    public void Garbage_invalid_utf8_arrays_and_shapeless_objects_are_skipped_and_counted_and_nothing_else_is_lost()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(User + "\nnot json\n[1]\n{\"x\":1}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"role\":\"user\",\"content\":\"bad "));
        bytes.AddRange([0xC3, 0x28]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n" + Assistant + "\n"));
        var (records, stats) = Read(bytes.ToArray());
        Assert.Equal(2, records.Turns().Count);
        Assert.Equal(new Dictionary<SkipReason, int>
        {
            [SkipReason.InvalidJson] = 1, [SkipReason.NotAnObject] = 1, [SkipReason.NoTypeOrRole] = 1, [SkipReason.InvalidUtf8] = 1,
        }, stats.Skipped);
        Assert.Equal(5, stats.FirstSkippedLine[SkipReason.InvalidUtf8]);
        Assert.Equal(6, stats.Lines);
    }

    [Fact]
    public void A_partial_last_line_is_skipped_and_left_unconsumed_for_a_later_read()
    {
        var complete = User + "\n";
        var (records, stats) = Read(complete + "{\"role\":\"assis");
        Assert.Single(records);
        Assert.Equal(1, stats.Skipped[SkipReason.PartialLastLine]);
        Assert.Equal(Encoding.UTF8.GetByteCount(complete), stats.ConsumedBytes);
    }

    [Fact]
    public void A_valid_last_line_without_newline_is_read_and_consumed()
    {
        var text = User + "\n" + Assistant;
        var (records, stats) = Read(text);
        Assert.Equal(2, records.Count);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), stats.ConsumedBytes);
    }

    [Fact]
    public void Reading_resumes_at_a_byte_offset()
    {
        var first = Encoding.UTF8.GetBytes(User + "\n");
        var all = Encoding.UTF8.GetBytes(User + "\n" + Assistant + "\n");
        var (records, stats) = Read(all, start: first.Length);
        Assert.Equal(TurnRole.Assistant, Assert.IsType<Turn>(Assert.Single(records)).Role);
        Assert.Equal(all.Length, stats.ConsumedBytes);
    }

    [Fact]
    public void Crlf_line_endings_and_blank_lines_are_fine()
    {
        var (records, stats) = Read(User + "\r\n\r\n   \r\n" + Assistant + "\r\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(0, stats.SkippedTotal);
        Assert.Equal(2, stats.Lines);
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_without_losing_its_neighbours()
    {
        var huge = "{\"role\":\"user\",\"content\":\"" + new string('x', 300_000) + "\"}";
        var (records, stats) = Read(User + "\n" + huge + "\n" + Assistant + "\n", new LineReaderOptions { MaxLineBytes = 100_000, BufferBytes = 4096 });
        Assert.Equal(2, records.Count);
        Assert.Equal(1, stats.Skipped[SkipReason.LineTooLong]);
        Assert.Equal(2, stats.FirstSkippedLine[SkipReason.LineTooLong]);
    }

    [Fact]
    public void A_50_MB_single_line_is_skipped_and_counted_with_the_default_limit()
    {
        using var temp = new TempDir();
        var path = temp.Combine("big.jsonl");
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(User + "\n{\"role\":\"tool_result\",\"content\":\""));
            var chunk = Encoding.ASCII.GetBytes(new string('y', 1 << 20));
            for (var i = 0; i < 50; i++) file.Write(chunk);
            file.Write(Encoding.UTF8.GetBytes("\"}\n" + Assistant + "\n"));
        }
        var stats = new TranscriptReadStats();
        using var stream = File.OpenRead(path);
        var records = JsonlTranscriptReader.Read(stream, stats).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(1, stats.Skipped[SkipReason.LineTooLong]);
        Assert.Equal(new FileInfo(path).Length, stats.ConsumedBytes);
    }

    [Fact]
    public void Lines_spanning_many_buffer_refills_are_framed_exactly()
    {
        var lines = Enumerable.Range(0, 500).Select(i => $$"""{"role":"user","content":"{{new string('m', i * 37 % 9000)}}","timestamp":"2026-02-20T09:00:00Z"}""");
        var (records, stats) = Read(string.Join("\n", lines) + "\n", new LineReaderOptions { BufferBytes = 4096 });
        Assert.Equal(500, records.Count);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 37 % 9000), records.Turns().Select(t => t.Text.Length));
        Assert.Equal(0, stats.SkippedTotal);
    }
}
