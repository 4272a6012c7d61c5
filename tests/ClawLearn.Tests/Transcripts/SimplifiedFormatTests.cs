using ClawLearn.Transcripts;
using static ClawLearn.Tests.Transcripts.TranscriptTestHelpers;

namespace ClawLearn.Tests.Transcripts;

public class SimplifiedFormatTests
{
    [Fact]
    public void Seed_lines_become_the_same_turn_shapes()
    {
        var (records, stats) = Read("""
            {"role": "user", "content": "How do I debounce a React input?", "timestamp": "2026-04-15T10:01:00Z"}
            {"role": "assistant", "content": "Use useCallback + useEffect with a clearTimeout...", "timestamp": "2026-04-15T10:01:02Z"}
            {"role": "tool", "name": "read_file", "input": {"path": "/home/ubuntu/app/src/App.tsx"}, "timestamp": "2026-04-15T10:01:05Z"}
            {"role": "tool_result", "name": "read_file", "content": "...", "timestamp": "2026-04-15T10:01:05Z"}
            """);
        var turns = records.Turns();
        Assert.Equal([TurnRole.User, TurnRole.Assistant, TurnRole.ToolCall, TurnRole.ToolResult], turns.Select(t => t.Role));
        Assert.Equal("How do I debounce a React input?", turns[0].Text);
        var call = Assert.Single(turns[2].ToolCalls);
        Assert.Equal(("read_file", "/home/ubuntu/app/src/App.tsx"), (call.Name, call.ArgumentsText));
        Assert.Equal("read_file", turns[3].ToolName);
        Assert.Equal(1776247260000, turns[0].TimestampMs);
        Assert.Equal(0, stats.SkippedTotal);
    }

    [Fact]
    public void Structured_content_as_object_or_array_becomes_text()
    {
        var (records, _) = Read("""
            {"role": "assistant", "content": {"type": "text", "text": "object form"}}
            {"role": "assistant", "content": [{"type": "text", "text": "part one"}, {"type": "text", "text": "part two"}]}
            {"role": "assistant", "content": {"kind": "other", "value": 1}}
            {"role": "user", "content": ["plain", {"type": "image", "data": "AAAA"}]}
            """);
        Assert.Equal(["object form", "part one\npart two", """{"kind": "other", "value": 1}""", "plain\n[image]"], records.Turns().Select(t => t.Text));
    }

    [Fact]
    public void Mirror_and_injected_messages_are_dropped_in_the_simplified_format_too()
    {
        var (records, stats) = Read("""
            {"role": "assistant", "content": "dup", "provider": "openclaw", "model": "delivery-mirror"}
            {"role": "assistant", "content": "inj", "stopReason": "injected"}
            {"role": "system", "content": "metadata"}
            """);
        Assert.Empty(records.Turns());
        Assert.Equal(2, stats.Dropped);
        Assert.Equal("role:system", Assert.IsType<MetadataEntry>(Assert.Single(records)).Type);
    }
}
