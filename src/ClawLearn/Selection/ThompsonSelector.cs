using ClawLearn.Learning;

namespace ClawLearn.Selection;

/// <summary>
/// Thompson selection under a token budget (learning-layer 2.3, bugs fixed). With probability <c>baselineRate</c>
/// the run is a baseline: every arm, packed in input order. Otherwise each arm gets a draw from its posterior (or its
/// prior), and arms are ordered seeds first, then under-explored (<c>pulls &lt; minPulls</c>), then by draw; greedy
/// packing keeps scanning after an arm that does not fit. Each decision carries a Monte-Carlo propensity.
/// </summary>
public static class ThompsonSelector
{
    public static SelectionResult Select(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors,
        SelectionOptions options, Random random)
    {
        var isBaseline = random.NextDouble() < options.BaselineRate;
        double[]? scores = null;
        var order = isBaseline ? Enumerable.Range(0, arms.Count).ToArray() : Order(arms, posteriors, options, random, out scores);
        var included = GreedyPacking.Pack(arms, order, options.TokenBudget, out var used);
        var propensities = options.PropensityRounds > 0 ? Propensities(arms, posteriors, options, new Random(random.Next())) : null;
        var decisions = order.Select(i => new ArmDecision(arms[i].ArmId, arms[i].TokenCost, included[i], scores?[i],
            options.Seeds.Matches(arms[i].ArmId), IsUnderexplored(arms[i].ArmId, posteriors, options), propensities?[i])).ToList();
        return new SelectionResult(decisions, isBaseline, options.TokenBudget, used);
    }

    /// <summary>
    /// P(arm included) = rate·[included by baseline packing] + (1 − rate)·(share of Monte-Carlo Thompson rounds that
    /// include it). Exact for the baseline part; the Thompson part has standard error ≤ 0.5/√rounds.
    /// </summary>
    public static double[] Propensities(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors,
        SelectionOptions options, Random random)
    {
        var baseline = GreedyPacking.Pack(arms, Enumerable.Range(0, arms.Count).ToArray(), options.TokenBudget, out _);
        var counts = new int[arms.Count];
        var rounds = Math.Max(1, options.PropensityRounds);
        for (var r = 0; r < rounds; r++)
        {
            var included = GreedyPacking.Pack(arms, Order(arms, posteriors, options, random, out _), options.TokenBudget, out _);
            for (var i = 0; i < arms.Count; i++)
            {
                if (included[i]) counts[i]++;
            }
        }
        var rate = Math.Clamp(options.BaselineRate, 0, 1);
        return Enumerable.Range(0, arms.Count).Select(i => rate * (baseline[i] ? 1 : 0) + (1 - rate) * counts[i] / (double)rounds).ToArray();
    }

    /// <summary>Thompson's packing order: seeds, then under-explored arms, then by a posterior draw (stable).</summary>
    public static int[] Order(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors, SelectionOptions options,
        Random random, out double[] scores)
    {
        scores = new double[arms.Count];
        var keys = new (bool Seed, bool Under, double Score, int Index)[arms.Count];
        for (var i = 0; i < arms.Count; i++)
        {
            var id = arms[i].ArmId;
            var (alpha, beta) = posteriors.TryGetValue(id, out var p) ? (p.Alpha, p.Beta) : Priors.For(id, options.Seeds, options.SeedBoost);
            scores[i] = BetaSampler.Sample(alpha, beta, random);
            keys[i] = (options.Seeds.Matches(id), IsUnderexplored(id, posteriors, options), scores[i], i);
        }
        // Seeds first, then under-explored, then by score; the index keeps the order stable for equal keys.
        Array.Sort(keys, (a, b) =>
            a.Seed != b.Seed ? (a.Seed ? -1 : 1)
            : a.Under != b.Under ? (a.Under ? -1 : 1)
            : a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : a.Index.CompareTo(b.Index));
        return keys.Select(k => k.Index).ToArray();
    }

    private static bool IsUnderexplored(string armId, IReadOnlyDictionary<string, Posterior> posteriors, SelectionOptions options) =>
        !posteriors.TryGetValue(armId, out var p) || p.Pulls < options.MinPulls;
}
