using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Learning;

/// <summary>Trace-contract sections 5 and 6 on the fixture state directory.</summary>
public class TraceRulesTests : IClassFixture<TraceRulesTests.Ingested>
{
    public sealed class Ingested : IDisposable
    {
        public Ingested()
        {
            Harness = new LearningHarness();
            Results = Harness.Ingest();
            Main = Harness.Traces("main");
        }

        public LearningHarness Harness { get; }
        public IReadOnlyList<ClawLearn.Ingest.AgentIngestResult> Results { get; }
        public List<RunTrace> Main { get; }
        public void Dispose() => Harness.Dispose();
    }

    private readonly Ingested _data;

    public TraceRulesTests(Ingested data) => _data = data;

    private RunTrace Run(string sessionId, int index) => _data.Main.Single(t => t.TraceId == TraceIds.TraceId("main", sessionId, index));

    private static ArmOutcome Arm(RunTrace trace, string armId) => trace.Arms.Single(a => a.ArmId == armId);

    [Fact]
    public void Ids_are_deterministic_and_prefixed()
    {
        var trace = Run(SessionIds.MainDm, 0);
        Assert.StartsWith("tr_", trace.TraceId);
        Assert.Equal(TraceIds.RunId("main", SessionIds.MainDm, 0), trace.RunId);
        Assert.StartsWith("run_", trace.RunId);
        Assert.NotEqual(TraceIds.TraceId("research", SessionIds.MainDm, 0), trace.TraceId);
    }

    [Fact]
    public void Usage_is_summed_over_the_whole_run_and_duration_runs_to_the_last_timed_turn()
    {
        var trace = Run(SessionIds.MainDm, 0);
        Assert.Equal(new TraceUsage(1200 + 1500 + 1800, 310 + 120 + 420, 9000 + 10200 + 10200, 0, 10510 + 11820 + 12420), trace.Usage);
        Assert.Equal(20_000, trace.DurationMs);
        Assert.Equal(StateDirFixture.Day.ToUnixTimeMilliseconds(), trace.Timestamp);
        Assert.True(trace.IsBaseline);
        Assert.Equal(new TraceContext("agent:main:main", "telegram", "anthropic", "claude-opus-4-5"), trace.Context);
    }

    [Fact]
    public void Tool_arms_are_known_from_their_first_call_and_cost_what_the_report_says()
    {
        var trace = Run(SessionIds.MainDm, 0);
        Assert.Equal((true, true, 450), (Arm(trace, "tool:exec:exec").Included, Arm(trace, "tool:exec:exec").Referenced, Arm(trace, "tool:exec:exec").TokenCost));
        Assert.Equal(175, Arm(trace, "tool:memory:memory_search").TokenCost); // ceil(700/4) from the session's report
        Assert.Equal(200, Arm(trace, "tool:web:web_fetch").TokenCost);        // not in any report: the estimate
        Assert.False(Arm(trace, "tool:other:cron_add").Referenced);           // known since the legacy session in 2025
        var first = _data.Main[0];
        Assert.Equal(["tool:other:cron_add"], first.Arms.Where(a => a.ArmId.StartsWith("tool:")).Select(a => a.ArmId));
        Assert.DoesNotContain(first.Arms, a => a.ArmId == "tool:exec:exec"); // not yet known at the time
    }

    [Fact]
    public void Bootstrap_files_memory_sections_and_daily_notes_are_arms_of_a_normal_run()
    {
        var trace = Run(SessionIds.MainDm, 0);
        Assert.Equal(["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "TOOLS.md", "HEARTBEAT.md", "MEMORY.md"],
            trace.Arms.Where(a => a.ArmId.StartsWith("file:")).Select(a => a.ArmId["file:workspace:".Length..]));
        Assert.Equal(18110 / 4 + 1, Arm(trace, "file:workspace:MEMORY.md").TokenCost);
        Assert.Equal(312 + 102 + 47 + 127 + 101 + 91 + 18110, trace.SystemPromptChars);
        Assert.True(Arm(trace, "memory:projects:home-assistant").Referenced);
        Assert.False(Arm(trace, "memory:archive:old-vendors").Included); // hidden by truncation
        Assert.True(Arm(trace, "memory:lessons:main").Included);
        Assert.Equal(["memory:daily:2026-02-19", "memory:daily:2026-02-20"], trace.Arms.Where(a => a.ArmId.StartsWith("memory:daily:")).Select(a => a.ArmId));
    }

    [Fact]
    public void Subagent_runs_get_only_agents_and_tools_md_and_no_memory()
    {
        var trace = Run(SessionIds.Subagent, 0);
        Assert.Equal(["file:workspace:AGENTS.md", "file:workspace:TOOLS.md"], trace.Arms.Where(a => a.ArmId.StartsWith("file:")).Select(a => a.ArmId));
        Assert.DoesNotContain(trace.Arms, a => a.ArmId.StartsWith("memory:"));
        // "Follow AGENTS.md." is in the user's text only; references are looked for in what the assistant says and
        // in tool-call arguments, so it does not count.
        Assert.False(Arm(trace, "file:workspace:AGENTS.md").Referenced);
    }

    [Fact]
    public void Errors_aborts_and_missing_usage_are_recorded()
    {
        var error = Run(SessionIds.Old, 3);
        Assert.Equal(("529 overloaded", (TraceUsage?)null), (error.Error, error.Usage));
        var aborted = Run(SessionIds.Fork, 1);
        Assert.True(aborted.Aborted);
        Assert.Equal(("openai", "gpt-5.2"), (aborted.Provider, aborted.Model));
    }

    [Fact]
    public void Provider_falls_back_to_nothing_when_nothing_names_it()
    {
        var legacy = _data.Main.Single(t => t.SessionId == SessionIds.Legacy);
        Assert.Equal((null, null, null, null), (legacy.Provider, legacy.Model, legacy.SessionKey, legacy.Channel));
    }

    [Fact]
    public void Pending_runs_produce_no_trace_and_are_reported()
    {
        Assert.DoesNotContain(_data.Main, t => t.TraceId == TraceIds.TraceId("main", SessionIds.SqliteOnly, 1));
        Assert.Equal(1, _data.Results.Single(r => r.AgentId == "main").PendingRuns);
        Assert.DoesNotContain(_data.Main, t => t.TraceId == TraceIds.TraceId("main", SessionIds.Old, 1)); // "/new": no reply, not last
    }

    [Fact]
    public void Skills_are_known_from_the_session_report()
    {
        var trace = Run(SessionIds.MainDm, 0);
        Assert.Equal((350, false), (Arm(trace, "skill:wiki-ingest:main").TokenCost, Arm(trace, "skill:wiki-ingest:main").Referenced));
    }
}
