using System.Runtime.CompilerServices;
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

    [Fact]
    public void A_decision_takes_32_bytes()
    {
        Assert.Equal(32, Unsafe.SizeOf<ArmDecision>());
        Assert.True(Unsafe.SizeOf<Positional>() > 32); // what it replaced
    }
}
