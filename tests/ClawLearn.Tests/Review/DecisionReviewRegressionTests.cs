using ClawLearn.Learning;
using ClawLearn.Replay;
using ClawLearn.Selection;
using ClawLearn.Tests.Replay;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Review;

/// <summary>Regressions for what an independent review of selection and replay found.</summary>
public class DecisionReviewRegressionTests
{
    [Fact]
    public void Decayed_posteriors_fade_to_the_prior_and_become_under_explored_again()
    {
        var runs = PlantedTruth.Runs(100, PlantedTruth.Stationary).ToList();
        var config = new LearningConfig { DecayHalfLifeDays = 1, MinPulls = 5 };
        var now = runs[^1].Timestamp;
        var fresh = DecayedPosteriors.Compute(runs, [], config, now).Single(p => p.ArmId == "tool:other:t00");
        Assert.True(fresh.Mean > 0.85 && fresh.Pulls >= 5);
        var muchLater = DecayedPosteriors.Compute(runs, [], config, now + 60L * 86_400_000).Single(p => p.ArmId == "tool:other:t00");
        Assert.Equal(0.75, muchLater.Mean, 3); // back at the Beta(3,1) prior
        Assert.True(muchLater.Pulls < config.MinPulls);
        var undecayed = PosteriorCalculator.Compute(runs, [], config with { DecayHalfLifeDays = null }).Single(p => p.ArmId == "tool:other:t00");
        Assert.Equal(100, undecayed.Pulls);
    }

    [Fact]
    public void Select_uses_decay_when_a_half_life_is_configured()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        CliRunner.Run(fixture.Home, "ingest", "--state-dir", fixture.Root, "--db", db);
        var plain = CliRunner.Run(fixture.Home, "select", "--seed", "4", "--json", "--state-dir", fixture.Root, "--db", db);
        var config = fixture.Path("openclaw.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("minPulls: 5 }", "minPulls: 5, decayHalfLifeDays: 1 }"));
        var decayed = CliRunner.Run(fixture.Home, "select", "--seed", "4", "--json", "--state-dir", fixture.Root, "--db", db);
        Assert.Equal(0, decayed.ExitCode);
        Assert.NotEqual(plain.Out, decayed.Out); // months after the fixture's history, every arm has faded back to explore
        Assert.DoesNotContain("\"isUnderexplored\": false", decayed.Out);
    }

    [Fact]
    public void Packing_does_not_overflow_near_int_max()
    {
        var arms = new[] { new SelectionArm("tool:a:x", 2_000_000_000), new SelectionArm("tool:a:y", 2_000_000_000), new SelectionArm("tool:a:z", 5) };
        var included = GreedyPacking.Pack(arms, [0, 1, 2], int.MaxValue, out var used);
        Assert.Equal([true, false, true], included);
        Assert.Equal(2_000_000_005, used);
    }

    [Fact]
    public void Tiny_draws_keep_their_order()
    {
        var arms = new[] { new SelectionArm("tool:a:x", 1), new SelectionArm("tool:a:y", 1), new SelectionArm("tool:a:z", 1) };
        var posteriors = arms.ToDictionary(a => a.ArmId, a => new Posterior(a.ArmId, 0.05, 1, 100, 0));
        var options = new SelectionOptions { BaselineRate = 0, MinPulls = 5, PropensityRounds = 0, TokenBudget = 10 };
        for (var seed = 0; seed < 500; seed++)
        {
            var scores = ThompsonSelector.Select(arms, posteriors, options, new Random(seed)).Arms.Select(a => a.Score!.Value).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
        }
    }

    [Fact]
    public void A_replay_with_no_windows_asked_for_still_reports_one()
    {
        var runs = PlantedTruth.Runs(10, PlantedTruth.Stationary).ToList();
        var report = Replayer.Run("main", runs, runs.Count, [], new ReplayOptions { Windows = 0 });
        Assert.All(report.Policies, p => Assert.Single(p.Windows));
        Assert.Contains("<circle", ReplayHtml.Render(report)); // a one-window chart still shows its points
    }

    [Fact]
    public void Select_rejects_a_null_arm_and_a_context_without_a_partition()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("l.sqlite");
        CliRunner.Run(fixture.Home, "ingest", "--state-dir", fixture.Root, "--db", db);
        var inventory = temp.Combine("inventory.json");
        File.WriteAllText(inventory, """{"arms":[null]}""");
        var nullArm = CliRunner.Run(fixture.Home, "select", "--inventory", inventory, "--state-dir", fixture.Root, "--db", db);
        Assert.Equal(2, nullArm.ExitCode);
        Assert.Contains("needs an id", nullArm.Error);
        var context = CliRunner.Run(fixture.Home, "select", "--context", "telegram", "--state-dir", fixture.Root, "--db", db);
        Assert.Equal(2, context.ExitCode);
        Assert.Contains("--context needs --by", context.Error);
    }
}
