using System.Runtime.CompilerServices;
using ClawLearn.Learning;
using ClawLearn.Selection;

namespace ClawLearn.Tests.Selection;

/// <summary>The hand-written, compact <see cref="ArmDecision"/> behaves as the positional record it replaced.</summary>
public class ArmDecisionTests
{
    private readonly record struct Positional(string ArmId, int TokenCost, bool Included, double? Score, bool IsSeed, bool IsUnderexplored, double? Propensity);

    public static TheoryData<bool, double?, bool, bool, double?> Cases() => new()
    {
        { true, 0.25, false, true, null },
        { false, null, true, false, 0.5 },
        { true, 0.0, true, true, 0.0 },
        { false, null, false, false, null },
        { true, double.NaN, false, false, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Members_printing_deconstruction_and_with_match_the_positional_record(bool included, double? score, bool seed, bool under, double? propensity)
    {
        var decision = new ArmDecision("tool:fs:read", 150, included, score, seed, under, propensity);
        var positional = new Positional("tool:fs:read", 150, included, score, seed, under, propensity);
        Assert.Equal(positional.ToString().Replace(nameof(Positional), nameof(ArmDecision)), decision.ToString());
        var (id, cost, inc, sc, s, u, p) = decision;
        Assert.Equal(positional, new Positional(id, cost, inc, sc, s, u, p));

        var changed = decision with { Included = !included, Score = null, Propensity = 0.75 };
        Assert.Equal(new ArmDecision("tool:fs:read", 150, !included, null, seed, under, 0.75), changed);
        Assert.Equal((seed, under), (changed.IsSeed, changed.IsUnderexplored));
        Assert.Equal(decision, changed with { Included = included, Score = score, Propensity = propensity });
        Assert.NotEqual(decision, decision with { IsSeed = !seed });
        Assert.NotEqual(decision, decision with { Score = 0.125 });
    }

    /// <summary>A selection keeps its decisions as parallel arrays; every way of reading them gives the same values.</summary>
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.0, 50)]
    [InlineData(1.0, 50)]
    public void A_selection_reads_the_same_by_index_and_by_enumeration(double baselineRate, int propensityRounds)
    {
        var arms = Enumerable.Range(0, 100).Select(i => new SelectionArm($"tool:a:t{i}", 10 + i)).ToArray();
        var posteriors = arms.Where((_, i) => i % 3 > 0).ToDictionary(a => a.ArmId, a => new Posterior(a.ArmId, 2, 3, a.TokenCost % 7, 0));
        var options = new SelectionOptions { BaselineRate = baselineRate, PropensityRounds = propensityRounds, TokenBudget = 900, MinPulls = 5,
            Seeds = new SeedArms(["tool:a:t1*"]) };
        var result = ThompsonSelector.Select(arms, posteriors, options, new Random(11));
        var byIndex = Enumerable.Range(0, result.Arms.Count).Select(k => result.Arms[k]).ToList();
        Assert.Equal(byIndex, result.Arms.ToList());
        Assert.Equal(arms.Select(a => a.ArmId).Order(), byIndex.Select(d => d.ArmId).Order());
        Assert.All(byIndex, d => Assert.Equal(arms.Single(a => a.ArmId == d.ArmId).TokenCost, d.TokenCost));
        Assert.All(byIndex, d => Assert.Equal(baselineRate == 0, d.Score.HasValue));
        Assert.All(byIndex, d => Assert.Equal(propensityRounds > 0, d.Propensity.HasValue));
        Assert.All(byIndex, d => Assert.Equal(d.ArmId.StartsWith("tool:a:t1", StringComparison.Ordinal), d.IsSeed));
        Assert.Equal(result.UsedTokens, byIndex.Where(d => d.Included).Sum(d => d.TokenCost));
        Assert.Contains(byIndex, d => d.IsUnderexplored);
        Assert.Contains(byIndex, d => !d.IsUnderexplored);
    }

    [Fact]
    public void A_decision_takes_32_bytes()
    {
        Assert.Equal(32, Unsafe.SizeOf<ArmDecision>());
        Assert.True(Unsafe.SizeOf<Positional>() > 32); // what it replaced
    }
}
