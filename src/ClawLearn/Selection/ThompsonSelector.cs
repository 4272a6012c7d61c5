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
        using var work = new SelectionWorkspace(arms.Count);
        Rank(arms, posteriors, options, new GammaSource(random), work);
        var order = work.Order;
        if (isBaseline)
        {
            for (var i = 0; i < order.Length; i++) order[i] = i;
        }
        else
        {
            DrawOrder.Sort(work.Draws, work.Groups, order);
        }
        var included = work.Included;
        var used = GreedyPacking.Pack(work.Costs, order, options.TokenBudget, included);
        var propensities = options.PropensityRounds > 0 ? Propensities(arms, posteriors, options, new Random(random.Next())) : null;
        var ids = work.Ids;
        var costs = work.Costs;
        var groups = work.Groups;
        var draws = work.Draws;
        var decisions = new ArmDecision[order.Length];
        for (var k = 0; k < decisions.Length; k++)
        {
            var i = order[k];
            decisions[k] = new ArmDecision(ids[i], costs[i], included[i], isBaseline ? null : draws[i], IsSeed(groups[i]),
                IsUnderexplored(groups[i]), propensities?[i]);
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
        using var work = new SelectionWorkspace(arms.Count);
        var order = work.Order;
        var included = work.Included;
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Rank(arms, posteriors, options, null, work); // costs and groups only
        var baseline = new bool[order.Length];
        GreedyPacking.Pack(work.Costs, order, options.TokenBudget, baseline);
        var counts = new int[order.Length];
        var rounds = Math.Max(1, options.PropensityRounds);
        var draws = new GammaSource(random);
        for (var r = 0; r < rounds; r++)
        {
            Rank(arms, posteriors, options, draws, work);
            DrawOrder.Sort(work.Draws, work.Groups, order);
            GreedyPacking.Pack(work.Costs, order, options.TokenBudget, included);
            for (var i = 0; i < included.Length; i++)
            {
                if (included[i]) counts[i]++;
            }
        }
        var rate = Math.Clamp(options.BaselineRate, 0, 1);
        var propensities = new double[order.Length];
        for (var i = 0; i < propensities.Length; i++) propensities[i] = rate * (baseline[i] ? 1 : 0) + (1 - rate) * counts[i] / (double)rounds;
        return propensities;
    }

    /// <summary>Thompson's packing order: seeds, then under-explored arms, then by a posterior draw (stable).</summary>
    public static int[] Order(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors, SelectionOptions options, Random random)
    {
        using var work = new SelectionWorkspace(arms.Count);
        Rank(arms, posteriors, options, new GammaSource(random), work);
        var order = new int[work.Count];
        DrawOrder.Sort(work.Draws, work.Groups, order);
        return order;
    }

    // One posterior lookup and one draw per arm (none without a source); the group (seed, under-explored) computed once.
    private static void Rank(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors, SelectionOptions options,
        GammaSource? source, SelectionWorkspace work)
    {
        var anySeeds = options.Seeds.Patterns.Count > 0;
        var ids = work.Ids;
        var costs = work.Costs;
        var groups = work.Groups;
        var draws = work.Draws;
        for (var i = 0; i < ids.Length; i++)
        {
            var arm = arms[i];
            var id = arm.ArmId;
            var known = posteriors.TryGetValue(id, out var p);
            var seed = anySeeds && options.Seeds.Matches(id);
            var under = !known || p!.Pulls < options.MinPulls;
            ids[i] = id;
            costs[i] = arm.TokenCost;
            groups[i] = (byte)((seed ? 0 : 2) + (under ? 0 : 1));
            if (source is null) continue;
            var (alpha, beta) = known ? (p!.Alpha, p.Beta) : Priors.For(id, options.Seeds, options.SeedBoost);
            draws[i] = source.Beta(alpha, beta);
        }
    }

    private static bool IsSeed(byte group) => group < 2;

    private static bool IsUnderexplored(byte group) => (group & 1) == 0;
}
