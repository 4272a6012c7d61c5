using System.Buffers;
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
        var ranked = ArrayPool<Ranked>.Shared.Rent(arms.Count);
        try
        {
            return Decide(arms, posteriors, options, random, isBaseline, ranked);
        }
        finally
        {
            ArrayPool<Ranked>.Shared.Return(ranked);
        }
    }

    private static SelectionResult Decide(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors,
        SelectionOptions options, Random random, bool isBaseline, Ranked[] ranked)
    {
        Rank(arms, posteriors, options, new GammaSource(random), ranked);
        var order = isBaseline ? Enumerable.Range(0, arms.Count).ToArray() : SortedOrder(ranked, arms.Count);
        var included = GreedyPacking.Pack(arms, order, options.TokenBudget, out var used);
        var propensities = options.PropensityRounds > 0 ? Propensities(arms, posteriors, options, new Random(random.Next())) : null;
        var decisions = new ArmDecision[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var r = ranked[i];
            decisions[k] = new ArmDecision(arms[i].ArmId, arms[i].TokenCost, included[i], isBaseline ? null : r.Score, r.Seed, r.Under, propensities?[i]);
        }
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
            var included = GreedyPacking.Pack(arms, Order(arms, posteriors, options, random), options.TokenBudget, out _);
            for (var i = 0; i < arms.Count; i++)
            {
                if (included[i]) counts[i]++;
            }
        }
        var rate = Math.Clamp(options.BaselineRate, 0, 1);
        return Enumerable.Range(0, arms.Count).Select(i => rate * (baseline[i] ? 1 : 0) + (1 - rate) * counts[i] / (double)rounds).ToArray();
    }

    /// <summary>Thompson's packing order: seeds, then under-explored arms, then by a posterior draw (stable).</summary>
    public static int[] Order(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors, SelectionOptions options, Random random)
    {
        var ranked = ArrayPool<Ranked>.Shared.Rent(arms.Count);
        try
        {
            Rank(arms, posteriors, options, new GammaSource(random), ranked);
            return SortedOrder(ranked, arms.Count);
        }
        finally
        {
            ArrayPool<Ranked>.Shared.Return(ranked);
        }
    }

    // One posterior lookup and one draw per arm; flags computed once.
    private static void Rank(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors, SelectionOptions options,
        GammaSource draws, Ranked[] ranked)
    {
        var anySeeds = options.Seeds.Patterns.Count > 0;
        for (var i = 0; i < arms.Count; i++)
        {
            var id = arms[i].ArmId;
            var known = posteriors.TryGetValue(id, out var p);
            var (alpha, beta) = known ? (p!.Alpha, p.Beta) : Priors.For(id, options.Seeds, options.SeedBoost);
            ranked[i] = new Ranked(anySeeds && options.Seeds.Matches(id), !known || p!.Pulls < options.MinPulls, draws.Beta(alpha, beta));
        }
    }

    // Seeds first, then under-explored, then by draw (highest first). Arms are bucketed by group (four at most),
    // then each bucket is sorted by its draws with a primitive sort, several times faster than a comparer; keeping the
    // draw itself as the key keeps full precision for tiny draws. Exact ties are put back in input order afterwards.
    private static int[] SortedOrder(Ranked[] ranked, int count)
    {
        var order = new int[count];
        Span<int> starts = stackalloc int[5];
        for (var i = 0; i < count; i++) starts[Group(ranked[i]) + 1]++;
        for (var g = 1; g < 5; g++) starts[g] += starts[g - 1];
        Span<int> next = stackalloc int[4];
        starts[..4].CopyTo(next);
        for (var i = 0; i < count; i++) order[next[Group(ranked[i])]++] = i;

        var keys = ArrayPool<double>.Shared.Rent(count);
        try
        {
            for (var k = 0; k < count; k++) keys[k] = -ranked[order[k]].Score;
            for (var g = 0; g < 4; g++)
            {
                var length = starts[g + 1] - starts[g];
                if (length > 1) Array.Sort(keys, order, starts[g], length);
            }
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && keys[end] == keys[start] && Group(ranked[order[end]]) == Group(ranked[order[start]])) end++;
                if (end - start > 1) Array.Sort(order, start, end - start);
                start = end;
            }
            return order;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
        }
    }

    private static int Group(Ranked r) => (r.Seed ? 0 : 2) + (r.Under ? 0 : 1);

    private readonly record struct Ranked(bool Seed, bool Under, double Score);
}
