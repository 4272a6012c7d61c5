using ClawLearn.Runs;
using ClawLearn.Transcripts;
using ClawLearn.Workspace;

namespace ClawLearn.Tests.Learning;

public class RunCollectorTests
{
    private static Turn User(long t, string text = "q") => new(TurnRole.User, t, text, []);

    private static Turn Assistant(long? t, string text = "", ToolCall[]? calls = null, TokenUsage? usage = null, string stop = "stop",
        string? provider = "anthropic", string? model = "m1", string? error = null) =>
        new(TurnRole.Assistant, t, text, calls ?? [], usage, provider, model, stop, error);

    private static (IReadOnlyList<RunFacts> Finished, RunFacts? Last) Collect(ReferenceTargets? targets, params TranscriptRecord[] records)
    {
        var collector = new RunCollector("main", "s", targets ?? ReferenceTargets.None);
        var position = 0;
        foreach (var record in records) collector.Add(record, position++);
        return collector.Complete();
    }

    [Fact]
    public void Runs_start_at_user_turns_and_turns_before_the_first_belong_to_none()
    {
        var (finished, last) = Collect(null,
            Assistant(1, "greeting before any user"),
            User(10), Assistant(12, "a"),
            User(20), Assistant(25, "b"), new Turn(TurnRole.ToolResult, 27, "r", []),
            User(30));
        Assert.Equal([0, 1], finished.Select(f => f.UserIndex));
        Assert.Equal([1L, 3L], finished.Select(f => f.Position));
        Assert.Equal((10L, 12L), (finished[0].UserTimeMs!.Value, finished[0].LastTimeMs!.Value));
        Assert.Equal(27L, finished[1].LastTimeMs);
        Assert.NotNull(last);
        Assert.False(last!.HasAssistant); // pending
        Assert.Equal(2, last.UserIndex);
    }

    [Fact]
    public void Tools_called_are_listed_once_each_in_first_call_order_past_the_point_where_a_set_takes_over()
    {
        // Names 0..39 called in a shuffled order with repeats: more distinct names than RunCollector.ManyNames.
        var random = new Random(3);
        var calls = Enumerable.Range(0, 200).Select(_ => $"tool{random.Next(40)}").ToList();
        var (finished, _) = Collect(null,
            User(1),
            Assistant(2, calls: [.. calls.Take(100).Select(n => new ToolCall(null, n, "{}"))]),
            Assistant(3, calls: [.. calls.Skip(100).Select(n => new ToolCall(null, n, "{}"))]),
            User(9), Assistant(10, calls: [new ToolCall(null, "tool7", "{}"), new ToolCall(null, "tool1", "{}")]),
            User(19));
        Assert.True(calls.Distinct().Count() > RunCollector.ManyNames);
        Assert.Equal(calls.Distinct(), finished[0].ToolsCalled);

        // Traces look the calls up by set past the same point: every tool the first run called is referenced there, and in
        // the second (which knows them all) only the two it called.
        var traces = new TraceBuilder(AgentInventory.Empty, new ClawLearn.Learning.LearningConfig()).Build(finished, _ => null).Traces.ToList();
        Assert.All(traces[0].Arms, a => Assert.True(a.Referenced));
        Assert.Equal(calls.Distinct().Count(), traces[1].Arms.Count);
        Assert.Equal(["tool:other:tool1", "tool:other:tool7"], traces[1].Arms.Where(a => a.Referenced).Select(a => a.ArmId).Order());
    }

    [Fact]
    public void A_run_without_an_assistant_turn_in_the_middle_produces_nothing_but_keeps_its_index()
    {
        var (finished, last) = Collect(null, User(1, "/new"), User(2), Assistant(3));
        Assert.Empty(finished);
        Assert.Equal(1, last!.UserIndex);
    }

    [Fact]
    public void Usage_is_summed_over_the_run_and_outcome_flags_are_collected()
    {
        var (finished, _) = Collect(null,
            User(1),
            Assistant(2, usage: new TokenUsage(100, 10, 1000, 5, null), stop: "toolUse"),
            Assistant(3, usage: new TokenUsage(200, 20, 2000, 0, 2500), stop: "aborted"),
            Assistant(4, stop: "error", error: null),
            User(9));
        var f = finished[0];
        Assert.Equal(new ClawLearn.Learning.TraceUsage(300, 30, 3000, 5, 1115 + 2500), f.Usage);
        Assert.True(f.Aborted);
        Assert.Equal("error", f.Error);
    }

    [Fact]
    public void Provider_and_model_come_from_the_last_assistant_turn_or_the_model_change_before_the_run()
    {
        var (finished, last) = Collect(null,
            new ModelChange("openai", "gpt-5.2", 0),
            User(1), Assistant(2, provider: null, model: null),
            new ModelChange("anthropic", "opus", 5),
            User(6), Assistant(7, provider: "anthropic", model: "sonnet"), Assistant(8, provider: null, model: null));
        Assert.Equal((null, null, "openai", "gpt-5.2"), (finished[0].Provider, finished[0].Model, finished[0].PriorProvider, finished[0].PriorModel));
        Assert.Equal(("anthropic", "sonnet", "anthropic", "opus"), (last!.Provider, last.Model, last.PriorProvider, last.PriorModel));
    }

    [Fact]
    public void References_tools_skills_files_memory_and_daily_notes()
    {
        var section = new MemorySection("memory:projects:home-assistant", "home-assistant", 0, 10,
            ["- Zigbee2MQTT is pinned to 1.35.x after the January update", "- short line"], false);
        var notes = new Dictionary<DateOnly, string> { [new DateOnly(2026, 2, 19)] = "# 2026-02-19\n- The Lisbon trip is booked for April already\n" };
        var targets = new ReferenceTargets([section], notes.Keys, d => notes.GetValueOrDefault(d));
        var day = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var (finished, _) = Collect(targets,
            User(day),
            Assistant(day + 1, "As ZIGBEE2MQTT IS PINNED TO 1.35.X AFTER THE JANUARY UPDATE, see agents.md.",
                [new ToolCall("t1", "read", "/home/alice/.openclaw/skills/wiki-ingest/SKILL.md"), new ToolCall("t2", "exec", "cat notes")]),
            new Turn(TurnRole.ToolCall, day + 2, "", [new ToolCall(null, "web_search", "the lisbon trip is booked for april already")]),
            User(day + 100));
        var f = finished[0];
        Assert.Equal(["read", "exec", "web_search"], f.ToolsCalled);
        Assert.Equal(["wiki-ingest"], f.SkillsReferenced);
        Assert.Equal(["AGENTS.md"], f.FilesReferenced);
        Assert.Equal(["memory:daily:2026-02-19", "memory:projects:home-assistant"], f.MemoryReferenced);
    }

    [Theory]
    [InlineData("agents.md", new[] { "AGENTS.md" })] // the whole text
    [InlineData("Per SOUL.MD and Tools.md: done", new[] { "SOUL.md", "TOOLS.md" })] // listed in priority order, not text order
    [InlineData("see memory.md.md and heartbeat.mdx", new[] { "HEARTBEAT.md", "MEMORY.md", "memory.md" })] // both spellings of the memory file
    [InlineData("bootstrap.m d, user.m, .md, identity.md", new[] { "IDENTITY.md" })]
    [InlineData("xuser.md", new[] { "USER.md" })] // a substring, as the rule says
    [InlineData("agents . md, soul_md", new string[0])]
    public void Bootstrap_files_are_referenced_by_their_names_in_any_case(string text, string[] expected)
    {
        var day = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var (finished, _) = Collect(ReferenceTargets.None, User(day), Assistant(day + 1, text, []), User(day + 100));
        Assert.Equal(expected, finished[0].FilesReferenced);
    }

    [Fact]
    public void A_daily_note_is_referenced_by_its_file_name_too_and_short_lines_never_match()
    {
        var notes = new Dictionary<DateOnly, string> { [new DateOnly(2026, 2, 20)] = "- ok\n" };
        var targets = new ReferenceTargets([], notes.Keys, d => notes.GetValueOrDefault(d));
        var day = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var (finished, _) = Collect(targets, User(day), Assistant(day + 1, "ok"), User(day + 2), Assistant(day + 3, "", [new ToolCall("t", "write", "memory/2026-02-20.md")]), User(day + 4));
        Assert.Empty(finished[0].MemoryReferenced);
        Assert.Equal(["memory:daily:2026-02-20"], finished[1].MemoryReferenced);
    }

    [Fact]
    public void Collection_can_resume_mid_session()
    {
        var collector = new RunCollector("main", "s", ReferenceTargets.None, nextUserIndex: 7, provider: "openai", model: "gpt");
        collector.Add(User(1), 500);
        collector.Add(Assistant(2, provider: null, model: null), 600);
        var (_, last) = collector.Complete();
        Assert.Equal((7, 500L, "openai", "gpt"), (last!.UserIndex, last.Position, last.PriorProvider, last.PriorModel));
    }
}
