using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Replay;
using ClawLearn.Serving;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Serving;

/// <summary>
/// The live view must always equal a replay of the store: random writes (traces in any order, replaced traces,
/// rewards, resets of some or all arms, a clock behind or ahead of the traces), then everything the API shows is
/// compared with a view built fresh from the same store.
/// </summary>
public sealed class LiveLearningPropertyTests
{
    // Many arms, few per run: late runs keep bringing arms the view has not seen, also from before resets.
    private static readonly string[] Arms = ["tool:web:web_search", "tool:fs:read", "skill:wiki:main", "file:workspace:SOUL.md", "memory:projects:main",
        "tool:exec:exec", "tool:fs:write", "skill:mail:main", "file:workspace:TOOLS.md", "memory:daily:2026-03-01", "tool:web:web_fetch", "memory:lessons:main"];
    private static readonly LearningConfig Config = new() { SeedArms = ["tool:fs:*"], SeedBoost = 2 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_writes_keep_the_live_view_equal_to_a_replay(int seed)
    {
        using var temp = new TempDir("clawlearn-live");
        var path = temp.Combine("store.sqlite");
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T00:00:00Z"));
        using var live = new LiveLearning(SqliteLearningStore.Open(path), "main", Config, clock);
        RandomWrites(live, clock, new Random(seed));
        using var fresh = new LiveLearning(SqliteLearningStore.Open(path), "main", Config, clock);
        Assert.Equal(Show(fresh), Show(live));
    }

    // With a half-life a selection draws from decayed evidence, which late runs must reach with the weight a replay in
    // time order gives them (and not at all when a reset came after them), exactly as `select` computes it.
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_writes_keep_the_decayed_selection_posteriors_equal_to_a_replay(int seed)
    {
        using var temp = new TempDir("clawlearn-live");
        var path = temp.Combine("store.sqlite");
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T00:00:00Z"));
        var config = Config with { DecayHalfLifeDays = 0.5 };
        using var live = new LiveLearning(SqliteLearningStore.Open(path), "main", config, clock);
        RandomWrites(live, clock, new Random(seed));
        clock.Now = DateTimeOffset.Parse("2026-03-04T06:00:00Z");
        using var store = SqliteLearningStore.Open(path);
        var replayed = DecayedPosteriors.Compute(store.TracesInTimeOrder("main"), store.Events("main"), config, clock.Now.ToUnixTimeMilliseconds());
        Assert.Equal(Rounded(replayed), Rounded(live.SelectionPosteriors().Values));
        // Unless a reset of everything came last, decay must have changed something.
        using var undecayed = new LiveLearning(SqliteLearningStore.Open(path), "main", Config, clock);
        if (undecayed.SelectionPosteriors().Values.Any(p => p.Pulls > 0))
            Assert.NotEqual(Rounded(replayed), Rounded(undecayed.SelectionPosteriors().Values));
    }

    [Fact]
    public void A_late_run_that_brings_a_new_arm_before_a_reset_of_all_adds_no_decayed_evidence()
    {
        using var temp = new TempDir("clawlearn-live");
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        using var live = new LiveLearning(SqliteLearningStore.Open(temp.Combine("store.sqlite")), "main", Config with { DecayHalfLifeDays = 1 }, clock);
        long At(string hhmm) => DateTimeOffset.Parse($"2026-03-01T{hhmm}:00Z").ToUnixTimeMilliseconds();
        RunTrace Run(string id, string time, string arm) => new(id, "run", "s", null, At(time), null, null, null, false, new TraceContext(null, null, null, null),
            [new ArmOutcome(arm, true, true, 10)], null, null, 0, false, null);
        live.Record(Run("a", "10:00", "tool:web:web_search"));
        live.Reset([]);
        live.Record(Run("b", "09:00", "tool:exec:exec")); // new to the view; the reset at 12:00 wiped it
        var exec = live.SelectionPosteriors()["tool:exec:exec"];
        Assert.Equal((3.0, 1.0, 0L), (exec.Alpha, exec.Beta, exec.Pulls)); // a tool's prior
    }

    // Late runs are summed in another order than a replay's, so the last bits may differ.
    private static List<string> Rounded(IEnumerable<Posterior> posteriors) =>
        posteriors.OrderBy(p => p.ArmId, StringComparer.Ordinal).Select(p => $"{p.ArmId} {p.Alpha:G10} {p.Beta:G10} {p.Pulls}").ToList();

    private static void RandomWrites(LiveLearning live, ManualClock clock, Random random)
    {
        var start = DateTimeOffset.Parse("2026-03-01T00:00:00Z").ToUnixTimeMilliseconds();
        var recorded = new List<RunTrace>();
        for (var op = 0; op < 80; op++)
        {
            clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(start + random.NextInt64(0, 3 * 86_400_000L));
            var roll = random.Next(100);
            if (roll < 65 || live.KnownArms().Count == 0)
            {
                var trace = RandomTrace(random, $"tr_{op:D3}", start + random.NextInt64(0, 3 * 86_400_000L));
                recorded.Add(trace);
                live.Record(trace);
            }
            else if (roll < 72 && recorded.Count > 0)
            {
                var old = recorded[random.Next(recorded.Count)];
                live.Record(RandomTrace(random, old.TraceId, old.Timestamp)); // the same id, other content
            }
            else if (roll < 88)
            {
                var known = live.KnownArms();
                live.Reward(known[random.Next(known.Count)], random.Next(2), null);
            }
            else
            {
                var known = live.KnownArms();
                live.Reset(random.Next(3) == 0 ? [] : known.Where(_ => random.Next(2) == 0).Take(2).ToList() is { Count: > 0 } some ? some : [known[0]]);
            }
        }
    }

    [Fact]
    public void A_late_run_that_brings_a_new_arm_before_a_reset_gets_the_resets_point()
    {
        using var temp = new TempDir("clawlearn-live");
        var path = temp.Combine("store.sqlite");
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        using var live = new LiveLearning(SqliteLearningStore.Open(path), "main", Config, clock);
        long At(string hhmm) => DateTimeOffset.Parse($"2026-03-01T{hhmm}:00Z").ToUnixTimeMilliseconds();
        RunTrace Run(string id, string time, string arm) => new(id, "run", "s", null, At(time), null, null, null, false, new TraceContext(null, null, null, null),
            [new ArmOutcome(arm, true, true, 10)], null, null, 0, false, null);
        live.Record(Run("a", "10:00", "tool:web:web_search"));
        live.Reset([]);
        live.Record(Run("b", "09:00", "tool:exec:exec")); // new to the view; the reset at 12:00 came after it
        using var fresh = new LiveLearning(SqliteLearningStore.Open(path), "main", Config, clock);
        Assert.Equal(Show(fresh), Show(live));
        Assert.Contains(live.ConvergenceTimeseries(3_600_000, 10), p => p.ArmId == "tool:exec:exec" && p.T == At("12:00"));
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++) data.Add(seed);
        return data;
    }

    private static RunTrace RandomTrace(Random random, string id, long timestamp)
    {
        var arms = Arms.Where(_ => random.Next(4) == 0)
            .Select(a => new ArmOutcome(a, random.Next(4) > 0, random.Next(2) == 0, random.Next(10, 500))).ToList();
        // Some runs are conversational (no tool used) or aborted: the guard keeps them from updating anything.
        var aborted = random.Next(10) == 0;
        return new RunTrace(id, "run_" + id, "s1", null, timestamp, null, null, null, random.Next(2) == 0,
            new TraceContext(null, null, null, null), arms, new TraceUsage(10, 10, 0, 0, random.Next(100, 1000)), random.Next(100, 5000), 100, aborted, null);
    }

    private static string Show(LiveLearning view)
    {
        var json = ClawLearn.Cli.Api.ApiJsonContext.Api;
        return string.Join("\n",
            JsonSerializer.Serialize(view.Summary(), json.LearningSummary),
            JsonSerializer.Serialize(view.Posteriors(), json.IReadOnlyListPosteriorView),
            JsonSerializer.Serialize(view.ConvergenceTimeseries(3_600_000, 100), json.IReadOnlyListTimeseriesPoint),
            JsonSerializer.Serialize(view.ConvergenceTimeseries(86_400_000, 100), json.IReadOnlyListTimeseriesPoint),
            JsonSerializer.Serialize(view.TokenTimeseries(3_600_000), json.IReadOnlyListTimeseriesPoint));
    }
}
