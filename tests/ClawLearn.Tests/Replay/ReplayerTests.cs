using ClawLearn.Learning;
using ClawLearn.Replay;

namespace ClawLearn.Tests.Replay;

public class ReplayerTests
{
    private static ReplayReport Replay(IReadOnlyList<RunTrace> runs, ReplayOptions options) =>
        Replayer.Run("main", runs, runs.Count, [], options);

    private static ReplayOptions Options(int budget, double? halfLife = null) => new()
    {
        Learning = new LearningConfig { TokenBudget = budget, MinPulls = 3, DecayHalfLifeDays = halfLife },
        Windows = 10,
        Seed = 3,
    };

    [Fact]
    public void Thompson_converges_to_a_miss_rate_below_random_on_a_planted_truth()
    {
        var runs = PlantedTruth.Runs(400, PlantedTruth.Stationary).ToList();
        var report = Replay(runs, Options(budget: 10 * PlantedTruth.Cost));
        var thompson = report.Policies.Single(p => p.Policy == "Thompson");
        var random = report.Policies.Single(p => p.Policy == "Random");
        // Random keeps half the arms, so it misses about half the references, from start to end.
        Assert.InRange(random.MissRate, 0.4, 0.6);
        // Even an oracle must leave 10 of the 15 rare arms out: 10 × 0.05 of 5 × 0.9 + 15 × 0.05 references per run.
        const double oracle = 10 * 0.05 / (5 * 0.9 + 15 * 0.05);
        // From run 200 on (windows 6-10) Thompson stays within 5 points of the oracle, a fifth of random's rate.
        var late = thompson.Windows.Skip(5).Average(w => w.MissRate);
        Assert.True(late < oracle + 0.05, $"late miss rate {late:F3}, oracle {oracle:F3}");
        Assert.True(late < random.Windows.Skip(5).Average(w => w.MissRate) / 4);
        // Both save about the same: the budget decides how much, learning decides what.
        Assert.InRange(thompson.SavedPercent, 40, 55);
        Assert.InRange(random.SavedPercent, 45, 55);
    }

    [Fact]
    public void Greedy_by_mean_never_explores_and_can_lock_in()
    {
        var runs = PlantedTruth.Runs(300, PlantedTruth.Stationary).ToList();
        var report = Replay(runs, Options(budget: 5 * PlantedTruth.Cost));
        var greedy = report.Policies.Single(p => p.Policy == "GreedyByMean");
        var thompson = report.Policies.Single(p => p.Policy == "Thompson");
        Assert.Equal(300, greedy.Runs);
        Assert.True(thompson.Windows[^1].MissRate <= greedy.Windows[^1].MissRate + 0.05);
    }

    [Fact]
    public void Decay_recovers_faster_after_relevance_drifts()
    {
        // Arms 0-4 are useful for the first 300 runs, then arms 5-9 take over.
        double Drift(int run, int arm) => run < 300 ? (arm < 5 ? 0.9 : 0.05) : (arm is >= 5 and < 10 ? 0.9 : 0.05);
        var runs = PlantedTruth.Runs(600, Drift).ToList();
        var plain = Replay(runs, Options(budget: 5 * PlantedTruth.Cost)).Policies.Single(p => p.Policy == "Thompson");
        var decayed = Replay(runs, Options(budget: 5 * PlantedTruth.Cost, halfLife: 2)).Policies.Single(p => p.Policy == "Thompson");
        // Runs are an hour apart, the drift is at window 6. Without decay the old favourites keep their seats for long
        // (miss rates near 0.9 right after the drift); a 2-day half-life re-learns within a window or two. The price is
        // a little more exploration while nothing drifts, so overall decay must still come out ahead.
        double AfterDrift(PolicyReport p) => p.Windows.Skip(5).Take(3).Average(w => w.MissRate);
        Assert.True(AfterDrift(decayed) < AfterDrift(plain) - 0.2, $"decayed {AfterDrift(decayed):F3} vs plain {AfterDrift(plain):F3}");
        Assert.True(decayed.MissRate < plain.MissRate, $"overall decayed {decayed.MissRate:F3} vs plain {plain.MissRate:F3}");
    }

    [Fact]
    public void Phase_in_keeps_the_full_prompt_for_the_first_runs()
    {
        var runs = PlantedTruth.Runs(100, PlantedTruth.Stationary).ToList();
        var options = Options(budget: 5 * PlantedTruth.Cost) with { PhaseInAfter = 100, Windows = 4 };
        Assert.All(Replay(runs, options).Policies, p => Assert.Equal((0L, 0L), (p.TokensSaved, p.Misses)));
    }

    [Fact]
    public void The_same_seed_replays_identically_and_misses_are_counted_per_arm()
    {
        var runs = PlantedTruth.Runs(120, PlantedTruth.Stationary).ToList();
        var a = Replay(runs, Options(budget: 800));
        var b = Replay(runs, Options(budget: 800));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b));
        var random = a.Policies.Single(p => p.Policy == "Random");
        Assert.Equal(random.Misses, random.MissesByArm.Sum(m => m.Misses));
        Assert.Equal(random.MissesByArm.OrderByDescending(m => m.Misses).Select(m => m.Misses), random.MissesByArm.Select(m => m.Misses));
    }

    [Fact]
    public void Manual_rewards_take_part_at_their_time()
    {
        // Every run uses t00 and nothing else; the budget leaves exactly one arm out. With equal beliefs, greedy leaves
        // out the last arm, t19, and never misses. A "rejected" reward on t00 before the first run makes greedy leave
        // t00 out of that run: one miss. The arms it kept then go unused, fall below t00, and t00 is back.
        var runs = PlantedTruth.Runs(50, (_, arm) => arm == 0 ? 1.0 : 0.0).ToList();
        var without = Replay(runs, Options(budget: 1900)).Policies.Single(p => p.Policy == "GreedyByMean");
        var withReward = Replayer.Run("main", runs, runs.Count,
            [new LearningEvent(1, LearningEventKind.Reward, runs[0].Timestamp - 1, ["tool:other:t00"], 0, null)], Options(budget: 1900))
            .Policies.Single(p => p.Policy == "GreedyByMean");
        Assert.Equal(0, without.Misses);
        Assert.Equal(1, withReward.Misses);
        Assert.Equal(1.0, withReward.Windows[0].MissRate * 5, 6); // the first window's five references, one missed
        Assert.Equal("tool:other:t00", Assert.Single(withReward.MissesByArm).ArmId);
    }
}

public class PartitionedReplayTests
{
    [Fact]
    public void Posteriors_per_channel_learn_what_each_channel_uses()
    {
        // Telegram runs use tools 0-4, Slack runs use tools 5-9; one shared posterior cannot fit both with 5 slots.
        var runs = PlantedTruth.Runs(600, (run, arm) => run % 2 == 0 ? (arm < 5 ? 0.9 : 0.02) : (arm is >= 5 and < 10 ? 0.9 : 0.02))
            .Select((t, i) => t with { Context = t.Context with { Channel = i % 2 == 0 ? "telegram" : "slack" } }).ToList();
        ReplayReport Run(ContextPartition by) => Replayer.Run("main", runs, runs.Count, [], new ReplayOptions
        {
            Learning = new LearningConfig { TokenBudget = 5 * PlantedTruth.Cost, MinPulls = 3 },
            PartitionBy = by,
            Seed = 5,
            Policies = [ReplayPolicy.Thompson],
        });
        var shared = Run(ContextPartition.None).Policies[0];
        var perChannel = Run(ContextPartition.Channel).Policies[0];
        Assert.True(perChannel.Windows[^1].MissRate < shared.Windows[^1].MissRate / 2,
            $"per channel {perChannel.Windows[^1].MissRate:F3} vs shared {shared.Windows[^1].MissRate:F3}");
        Assert.Equal("channel", Run(ContextPartition.Channel).PartitionBy);
    }
}
