using ClawLearn.Learning;

namespace ClawLearn.Tests.Learning;

public class PosteriorCalculatorTests
{
    private static RunTrace Trace(string id, long ts, params ArmOutcome[] arms) => Trace(id, ts, false, null, arms);

    private static RunTrace Trace(string id, long ts, bool aborted, string? error, params ArmOutcome[] arms) =>
        new(id, "run_" + id, "s", null, ts, null, null, null, true, new TraceContext(null, null, null, null), arms, null, null, 0, aborted, error);

    private static ArmOutcome Arm(string id, bool included = true, bool referenced = false) => new(id, included, referenced, 10);

    private static Dictionary<string, Posterior> Compute(IEnumerable<RunTrace> traces, IEnumerable<LearningEvent>? events = null, LearningConfig? config = null) =>
        PosteriorCalculator.Compute(traces, events ?? [], config ?? new LearningConfig()).ToDictionary(p => p.ArmId);

    [Fact]
    public void Priors_are_beta_1_1_for_files_and_3_1_otherwise()
    {
        var p = Compute([Trace("tr_1", 100, Arm("tool:other:x", included: false), Arm("file:workspace:A.md", included: false), Arm("tool:exec:bash", referenced: true))]);
        Assert.Equal((3.0, 1.0, 0L), (p["tool:other:x"].Alpha, p["tool:other:x"].Beta, p["tool:other:x"].Pulls));
        Assert.Equal((1.0, 1.0), (p["file:workspace:A.md"].Alpha, p["file:workspace:A.md"].Beta));
    }

    [Fact]
    public void Included_arms_update_by_reference_and_excluded_arms_never()
    {
        var p = Compute([Trace("tr_1", 100, Arm("tool:exec:bash", referenced: true), Arm("tool:fs:read"), Arm("tool:web:web_fetch", included: false, referenced: true))]);
        Assert.Equal((4.0, 1.0, 1L, 100L), (p["tool:exec:bash"].Alpha, p["tool:exec:bash"].Beta, p["tool:exec:bash"].Pulls, p["tool:exec:bash"].LastUpdated));
        Assert.Equal((3.0, 2.0, 1L), (p["tool:fs:read"].Alpha, p["tool:fs:read"].Beta, p["tool:fs:read"].Pulls));
        Assert.Equal((3.0, 1.0, 0L, 100L), (p["tool:web:web_fetch"].Alpha, p["tool:web:web_fetch"].Beta, p["tool:web:web_fetch"].Pulls, p["tool:web:web_fetch"].LastUpdated));
    }

    [Fact]
    public void The_three_tier_guard_skips_aborted_errored_and_conversational_runs()
    {
        var p = Compute(
        [
            Trace("tr_1", 100, aborted: true, error: null, Arm("tool:exec:bash", referenced: true)),
            Trace("tr_2", 200, aborted: false, error: "529 overloaded", Arm("tool:exec:bash", referenced: true)),
            Trace("tr_3", 300, Arm("tool:messaging:message", referenced: true), Arm("tool:exec:bash")),
            Trace("tr_4", 400, Arm("file:workspace:A.md", referenced: true), Arm("tool:exec:bash")),
        ]);
        Assert.Equal((3.0, 1.0, 0L), (p["tool:exec:bash"].Alpha, p["tool:exec:bash"].Beta, p["tool:exec:bash"].Pulls));
        Assert.Equal(400, p["tool:exec:bash"].LastUpdated); // 0 pulls: latest appearance
    }

    [Fact]
    public void Message_plus_a_real_tool_is_observed()
    {
        var p = Compute([Trace("tr_1", 100, Arm("tool:messaging:message", referenced: true), Arm("tool:exec:bash", referenced: true), Arm("tool:fs:read"))]);
        Assert.Equal(1, p["tool:fs:read"].Pulls);
        Assert.Equal(4.0, p["tool:messaging:message"].Alpha);
    }

    [Fact]
    public void A_duplicate_arm_in_one_trace_updates_once()
    {
        var p = Compute([Trace("tr_1", 100, Arm("tool:exec:bash", referenced: true), Arm("tool:exec:bash", referenced: true))]);
        Assert.Equal((4.0, 1L), (p["tool:exec:bash"].Alpha, p["tool:exec:bash"].Pulls));
    }

    [Fact]
    public void Traces_must_come_in_time_order()
    {
        var calculator = new PosteriorCalculator(new LearningConfig());
        calculator.Apply(Trace("tr_b", 100, Arm("tool:exec:bash", referenced: true)));
        Assert.Throws<ArgumentException>(() => calculator.Apply(Trace("tr_a", 100, Arm("tool:exec:bash"))));
        Assert.Throws<ArgumentException>(() => calculator.Apply(Trace("tr_c", 99, Arm("tool:exec:bash"))));
    }

    [Fact]
    public void Rewards_and_resets_apply_at_their_time()
    {
        var traces = new[]
        {
            Trace("tr_1", 100, Arm("tool:exec:bash", referenced: true)),
            Trace("tr_2", 300, Arm("tool:exec:bash", referenced: true), Arm("tool:fs:read")),
        };
        var events = new[]
        {
            new LearningEvent(1, LearningEventKind.Reward, 150, ["tool:exec:bash"], 0, "bad"),
            new LearningEvent(2, LearningEventKind.Reset, 200, ["tool:exec:bash"], 0, null),
            new LearningEvent(3, LearningEventKind.Reward, 300, ["tool:fs:read"], 1, null), // same ms as tr_2: after it
        };
        var p = Compute(traces, events);
        Assert.Equal((4.0, 1.0, 1L, 300L), (p["tool:exec:bash"].Alpha, p["tool:exec:bash"].Beta, p["tool:exec:bash"].Pulls, p["tool:exec:bash"].LastUpdated));
        Assert.Equal((4.0, 2.0, 2L), (p["tool:fs:read"].Alpha, p["tool:fs:read"].Beta, p["tool:fs:read"].Pulls));
    }

    [Fact]
    public void A_reset_of_all_arms_returns_every_arm_to_its_prior()
    {
        var p = Compute([Trace("tr_1", 100, Arm("tool:exec:bash", referenced: true), Arm("file:workspace:A.md"))],
            [new LearningEvent(1, LearningEventKind.Reset, 500, [], 0, null)]);
        Assert.All(p.Values, x => Assert.Equal((0L, 500L), (x.Pulls, x.LastUpdated)));
        Assert.Equal((1.0, 1.0), (p["file:workspace:A.md"].Alpha, p["file:workspace:A.md"].Beta));
    }

    [Fact]
    public void Seed_arms_get_a_boosted_prior()
    {
        var config = new LearningConfig { SeedArms = ["tool:web:*"], SeedBoost = 2 };
        var p = Compute([Trace("tr_1", 100, Arm("tool:web:web_search", included: false), Arm("tool:fs:read", included: false))], config: config);
        Assert.Equal(6.0, p["tool:web:web_search"].Alpha);
        Assert.Equal(3.0, p["tool:fs:read"].Alpha);
    }

    [Fact]
    public void Posteriors_come_by_mean_descending_then_arm_id()
    {
        var list = PosteriorCalculator.Compute([Trace("tr_1", 100, Arm("tool:b:y", included: false), Arm("tool:a:x", included: false), Arm("file:workspace:Z", included: false))], [], new LearningConfig());
        Assert.Equal(["tool:a:x", "tool:b:y", "file:workspace:Z"], list.Select(p => p.ArmId));
    }
}
