using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using ClawLearn.Transcripts;
using static ClawLearn.Tests.Transcripts.TranscriptTestHelpers;

namespace ClawLearn.Tests.Transcripts;

public class RealFormatTests
{
    private static (List<TranscriptRecord> Records, TranscriptReadStats Stats) ReadFixtureFile(string name)
    {
        using var fixture = new FixtureDir();
        return Read(File.ReadAllBytes(fixture.Path("agents", "main", "sessions", name)));
    }

    [Fact]
    public void Main_dm_yields_header_model_change_turns_and_drops_mirror_and_injected_messages()
    {
        var (records, stats) = ReadFixtureFile($"{SessionIds.MainDm}.jsonl");
        var header = Assert.IsType<SessionHeader>(records[0]);
        Assert.Equal((SessionIds.MainDm, 3), (header.Id, header.Version!.Value));
        var change = Assert.IsType<ModelChange>(records[1]);
        Assert.Equal(("anthropic", "claude-opus-4-5"), (change.Provider, change.Model));
        Assert.Equal(["thinking_level_change", "custom"], records.OfType<MetadataEntry>().Select(m => m.Type));

        var turns = records.Turns();
        Assert.Equal([TurnRole.User, TurnRole.Assistant, TurnRole.ToolResult, TurnRole.Assistant, TurnRole.ToolResult, TurnRole.Assistant, TurnRole.User, TurnRole.Assistant],
            turns.Select(t => t.Role));
        Assert.Equal(2, stats.Dropped);
        Assert.Equal(1, stats.Skipped[SkipReason.PartialLastLine]);
        Assert.Equal(15, stats.FirstSkippedLine[SkipReason.PartialLastLine]);
        Assert.Equal(8, stats.Turns);
    }

    [Fact]
    public void Assistant_turns_carry_text_without_thinking_tool_calls_usage_and_stop_reason()
    {
        var turns = ReadFixtureFile($"{SessionIds.MainDm}.jsonl").Records.Turns();
        var first = turns[1];
        Assert.Equal("Let me check memory first.", first.Text);
        var call = Assert.Single(first.ToolCalls);
        Assert.Equal(("toolu_01A", "memory_search", "zigbee dropping after update"), (call.Id, call.Name, call.ArgumentsText));
        Assert.Equal(new TokenUsage(1200, 310, 9000, 0, 10510, 0.05475), first.Usage);
        Assert.Equal(("anthropic", "claude-opus-4-5", "toolUse"), (first.Provider, first.Model, first.StopReason));
        Assert.Equal(StateDirFixture.Day.AddSeconds(4).ToUnixTimeMilliseconds(), first.TimestampMs);
        Assert.Equal("", turns[3].Text); // a tool-call-only message
        var result = turns[2];
        Assert.Equal(("memory_search", false), (result.ToolName, result.IsError));
    }

    [Fact]
    public void User_text_joins_blocks_and_images_never_carry_base64()
    {
        var (records, _) = ReadFixtureFile(StateDirFixture.TopicFileName);
        var user = records.Turns().First();
        Assert.EndsWith("Bob: @clawbot how do we tag releases?\n[image]", user.Text);
        Assert.DoesNotContain("iVBOR", user.Text);
    }

    [Fact]
    public void Old_session_keeps_compaction_and_branch_summaries_as_metadata_and_the_title()
    {
        var (records, _) = ReadFixtureFile($"{SessionIds.Old}.jsonl");
        Assert.Null(Assert.IsType<SessionHeader>(records[0]).Version); // v1: no version
        var compaction = records.OfType<MetadataEntry>().Single(m => m.Type == "compaction");
        Assert.StartsWith("User set up Home Assistant", compaction.Summary);
        Assert.Contains(records.OfType<MetadataEntry>(), m => m.Type == "branch_summary" && m.Summary!.Contains("ZHA"));
        Assert.Contains(records.OfType<MetadataEntry>(), m => m.Type == "label");
        Assert.Equal("Zigbee setup", records.OfType<SessionTitle>().Single().Name);
        var error = records.Turns().Last();
        Assert.Equal(("error", "529 overloaded", null), (error.StopReason, error.ErrorMessage, error.Usage));
    }

    [Fact]
    public void Version_2_header_and_string_content_are_read()
    {
        var (records, _) = ReadFixtureFile($"{SessionIds.V2Header}.jsonl");
        Assert.Equal(2, Assert.IsType<SessionHeader>(records[0]).Version);
        Assert.Equal("Good morning, what's on today?", records.Turns()[0].Text);
        Assert.Equal(520, records.Turns()[1].Usage!.Total);
    }

    [Fact]
    public void Headerless_compacted_file_is_read_from_its_first_entry()
    {
        var (records, stats) = ReadFixtureFile($"{SessionIds.Headerless}.jsonl");
        Assert.DoesNotContain(records, r => r is SessionHeader);
        Assert.Equal(2, stats.Turns);
    }

    [Fact]
    public void Fork_header_names_its_parent()
    {
        var (records, _) = ReadFixtureFile(StateDirFixture.ForkFileName);
        Assert.EndsWith($"{SessionIds.MainDm}.jsonl", Assert.IsType<SessionHeader>(records[0]).ParentSession);
        Assert.Equal("aborted", records.Turns().Last().StopReason);
    }

    [Fact]
    public void Unknown_entry_types_and_roles_are_metadata_not_errors()
    {
        var (records, stats) = Read("""
            {"type":"brand_new_thing","id":"x1","timestamp":"2026-02-20T09:00:00Z"}
            {"type":"message","id":"x2","timestamp":"2026-02-20T09:00:01Z","message":{"role":"bashExecution","command":"ls","output":"a","exitCode":0}}
            {"type":"custom_message","id":"x3","customType":"note","content":"hi","display":true}
            {"type":"message","id":"x4","message":{"role":"compactionSummary","summary":"earlier: set up HA","tokensBefore":10}}
            """);
        Assert.Equal(["brand_new_thing", "message:bashExecution", "custom_message", "message:compactionSummary"], records.OfType<MetadataEntry>().Select(m => m.Type));
        Assert.Equal("earlier: set up HA", records.OfType<MetadataEntry>().Last().Summary);
        Assert.Equal(0, stats.SkippedTotal);
    }

    [Fact]
    public void Timestamps_prefer_the_entry_iso_then_the_message_ms_and_accept_either_type()
    {
        var (records, _) = Read("""
            {"type":"message","id":"a","timestamp":"2026-02-20T09:00:00.000Z","message":{"role":"user","content":"x","timestamp":1}}
            {"type":"message","id":"b","message":{"role":"user","content":"y","timestamp":1771578000000}}
            {"type":"message","id":"c","timestamp":1771578000123,"message":{"role":"user","content":"z"}}
            {"type":"message","id":"d","message":{"role":"user","content":"no time"}}
            """);
        Assert.Equal([1771578000000L, 1771578000000L, 1771578000123L, null], records.Turns().Select(t => t.TimestampMs));
    }

    [Fact]
    public void Tool_call_arguments_become_their_unescaped_string_values()
    {
        var (records, _) = Read("""
            {"type":"message","id":"a","message":{"role":"assistant","content":[{"type":"toolCall","id":"t","name":"write","arguments":{"path":"memory\/2026-02-20.md","content":"line \"one\"\nline two","n":3,"nested":[{"x":"deep"}]}}],"stopReason":"toolUse"}}
            """);
        Assert.Equal("memory/2026-02-20.md\nline \"one\"\nline two\ndeep", records.Turns()[0].ToolCalls[0].ArgumentsText);
    }

    [Fact]
    public void Tool_results_are_cut_to_the_configured_length()
    {
        var big = new string('r', 10_000);
        var (records, _) = Read($$$"""{"type":"message","id":"a","message":{"role":"toolResult","toolCallId":"t","toolName":"read","content":[{"type":"text","text":"{{{big}}}"}],"isError":true}}""" + "\n",
            new LineReaderOptions { MaxToolResultChars = 100 });
        var turn = records.Turns()[0];
        Assert.Equal(100 + "…[cut]".Length, turn.Text.Length);
        Assert.True(turn.IsError);
    }
}
