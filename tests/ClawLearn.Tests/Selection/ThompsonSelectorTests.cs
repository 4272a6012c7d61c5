using ClawLearn.Learning;
using ClawLearn.Selection;

namespace ClawLearn.Tests.Selection;

public class ThompsonSelectorTests
{
    private static readonly SelectionOptions NoBaseline = new() { BaselineRate = 0, MinPulls = 0, PropensityRounds = 200 };

    private static Dictionary<string, Posterior> Posteriors(params (string Id, double A, double B, long Pulls)[] rows) =>
        rows.ToDictionary(r => r.Id, r => new Posterior(r.Id, r.A, r.B, r.Pulls, 0));

    [Fact]
    public void A_seeded_selection_is_exact_and_repeatable()
    {
        var arms = new[] { new SelectionArm("tool:exec:exec", 450), new SelectionArm("tool:fs:read", 150), new SelectionArm("tool:web:web_fetch", 200), new SelectionArm("file:workspace:MEMORY.md", 4528) };
        var posteriors = Posteriors(("tool:exec:exec", 40, 2, 40), ("tool:fs:read", 30, 10, 38), ("tool:web:web_fetch", 3, 30, 31), ("file:workspace:MEMORY.md", 20, 5, 23));
        var first = ThompsonSelector.Select(arms, posteriors, NoBaseline with { TokenBudget = 5200 }, new Random(42));
        var again = ThompsonSelector.Select(arms, posteriors, NoBaseline with { TokenBudget = 5200 }, new Random(42));
        Assert.Equal(first.Arms.Select(a => (a.ArmId, a.Included, a.Score)), again.Arms.Select(a => (a.ArmId, a.Included, a.Score)));
        // With seed 42 the draws rank exec (mean .95), read (.75), MEMORY.md (.8), web_fetch (.09); 450 + 150 + 4528 = 5128
        // fits 5200, and web_fetch's 200 more would not.
        Assert.Equal(["tool:exec:exec", "tool:fs:read", "file:workspace:MEMORY.md", "tool:web:web_fetch"], first.Arms.Select(a => a.ArmId));
        Assert.Equal(["tool:exec:exec", "tool:fs:read", "file:workspace:MEMORY.md"], first.Selected.Select(a => a.ArmId));
        Assert.Equal(5128, first.UsedTokens);
        Assert.False(first.IsBaseline);
    }

    [Fact]
    public void Zero_cost_arms_always_fit_and_nothing_else_fits_a_zero_budget()
    {
        var arms = new[] { new SelectionArm("tool:a:x", 100), new SelectionArm("tool:a:free", 0), new SelectionArm("tool:a:y", 1) };
        var result = ThompsonSelector.Select(arms, Posteriors(), NoBaseline with { TokenBudget = 0 }, new Random(1));
        Assert.Equal(["tool:a:free"], result.Selected.Select(a => a.ArmId));
        Assert.Equal(0, result.UsedTokens);
    }

    [Fact]
    public void Everything_fits_a_large_budget()
    {
        var arms = Enumerable.Range(0, 20).Select(i => new SelectionArm($"tool:a:t{i}", 10 * i)).ToArray();
        var result = ThompsonSelector.Select(arms, Posteriors(), NoBaseline with { TokenBudget = 100_000 }, new Random(3));
        Assert.Equal(20, result.Selected.Count());
        Assert.All(result.Arms, a => Assert.Equal(1.0, a.Propensity));
        Assert.All(ThompsonSelector.Select(arms, Posteriors(), NoBaseline with { PropensityRounds = 0 }, new Random(3)).Arms, a => Assert.Null(a.Propensity));
    }

    [Fact]
    public void Packing_keeps_scanning_after_an_arm_that_does_not_fit()
    {
        var arms = new[] { new SelectionArm("tool:a:big", 900), new SelectionArm("tool:a:small", 50) };
        var result = ThompsonSelector.Select(arms, Posteriors(("tool:a:big", 90, 1, 90), ("tool:a:small", 1, 90, 90)), NoBaseline with { TokenBudget = 100 }, new Random(5));
        Assert.Equal(["tool:a:small"], result.Selected.Select(a => a.ArmId));
    }

    [Fact]
    public void A_seed_is_packed_first_under_budget_pressure_and_matches_case_insensitively()
    {
        var arms = new[] { new SelectionArm("tool:a:great", 100), new SelectionArm("tool:fs:read", 100) };
        var posteriors = Posteriors(("tool:a:great", 99, 1, 99), ("tool:fs:read", 1, 99, 99));
        var options = NoBaseline with { TokenBudget = 100, Seeds = new SeedArms(["tool:fs:Read"]) };
        for (var seed = 0; seed < 20; seed++)
            Assert.Equal(["tool:fs:read"], ThompsonSelector.Select(arms, posteriors, options, new Random(seed)).Selected.Select(a => a.ArmId));
    }

    [Fact]
    public void Under_explored_arms_come_before_explored_ones()
    {
        var arms = new[] { new SelectionArm("tool:a:known", 100), new SelectionArm("tool:a:new", 100) };
        var posteriors = Posteriors(("tool:a:known", 99, 1, 99), ("tool:a:new", 1, 5, 2));
        var result = ThompsonSelector.Select(arms, posteriors, NoBaseline with { TokenBudget = 100, MinPulls = 5 }, new Random(8));
        Assert.Equal(["tool:a:new"], result.Selected.Select(a => a.ArmId));
        Assert.True(result.Arms.Single(a => a.ArmId == "tool:a:new").IsUnderexplored);
    }

    [Fact]
    public void A_baseline_draw_packs_every_arm_in_input_order()
    {
        var arms = new[] { new SelectionArm("tool:a:first", 100), new SelectionArm("tool:a:second", 150), new SelectionArm("tool:a:third", 200) };
        var result = ThompsonSelector.Select(arms, Posteriors(), NoBaseline with { BaselineRate = 1, TokenBudget = 250 }, new Random(1));
        Assert.True(result.IsBaseline);
        Assert.Equal(["tool:a:first", "tool:a:second"], result.Selected.Select(a => a.ArmId));
        Assert.All(result.Arms, a => Assert.Null(a.Score));
    }

    [Theory]
    [InlineData(2, 1, 1, 1, 2.0 / 3)]   // P(Beta(2,1) > Beta(1,1)) = ∫ x·2x dx
    [InlineData(3, 1, 1, 2, 0.9)]       // ∫ 3x²(2x − x²) dx
    [InlineData(1, 1, 1, 1, 0.5)]
    public void Propensities_match_closed_form_two_arm_cases(double a1, double b1, double a2, double b2, double pFirstWins)
    {
        var arms = new[] { new SelectionArm("tool:a:first", 100), new SelectionArm("tool:a:second", 100) };
        var posteriors = Posteriors(("tool:a:first", a1, b1, 50), ("tool:a:second", a2, b2, 50));
        const int rounds = 40_000;
        var tolerance = 4 * 0.5 / Math.Sqrt(rounds);
        foreach (var rate in new[] { 0.0, 0.1, 0.5 })
        {
            var options = NoBaseline with { TokenBudget = 100, BaselineRate = rate, PropensityRounds = rounds };
            var p = ThompsonSelector.Propensities(arms, posteriors, options, new Random(2024));
            // The baseline packs in input order, so it always takes the first arm.
            Assert.Equal(rate + (1 - rate) * pFirstWins, p[0], tolerance);
            Assert.Equal((1 - rate) * (1 - pFirstWins), p[1], tolerance);
        }
    }
}
