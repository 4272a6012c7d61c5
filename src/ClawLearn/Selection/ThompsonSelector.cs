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
        LookUp(arms, posteriors, options, work);
        Draw(new GammaSource(random), work);
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
        var groups = work.Groups;
        var draws = work.Draws;
        var orderedArms = new SelectionArm[order.Length];
        var scores = isBaseline ? null : new double[order.Length];
        var flags = new byte[order.Length];
        var orderedPropensities = propensities is null ? null : new double[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            orderedArms[k] = arms[i];
            scores?[k] = draws[i];
            flags[k] = (byte)((included[i] ? ArmDecisionList.IncludedBit : 0) | (IsSeed(groups[i]) ? ArmDecisionList.IsSeedBit : 0)
                | (IsUnderexplored(groups[i]) ? ArmDecisionList.IsUnderexploredBit : 0));
            orderedPropensities?[k] = propensities![i];
        }
        return new SelectionResult(new ArmDecisionList(orderedArms, scores, flags, orderedPropensities), isBaseline, options.TokenBudget, used);
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
        LookUp(arms, posteriors, options, work);
        var baseline = new bool[order.Length];
        GreedyPacking.Pack(work.Costs, order, options.TokenBudget, baseline);
        var counts = new int[order.Length];
        var rounds = Math.Max(1, options.PropensityRounds);
        var draws = new GammaSource(random);
        for (var r = 0; r < rounds; r++)
        {
            Draw(draws, work);
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
        LookUp(arms, posteriors, options, work);
        Draw(new GammaSource(random), work);
        var order = new int[work.Count];
        DrawOrder.Sort(work.Draws, work.Groups, order);
        return order;
    }

    // One posterior lookup per arm: its shapes (posterior or prior), cost and group (seed, under-explored). Propensity
    // rounds redraw from these without hashing every arm id again.
    private static void LookUp(IReadOnlyList<SelectionArm> arms, IReadOnlyDictionary<string, Posterior> posteriors, SelectionOptions options,
        SelectionWorkspace work)
    {
        var anySeeds = options.Seeds.Patterns.Count > 0;
        var costs = work.Costs;
        var groups = work.Groups;
        var alphas = work.Alphas;
        var betas = work.Betas;
        for (var i = 0; i < costs.Length; i++)
        {
            var arm = arms[i];
            var id = arm.ArmId;
            var known = posteriors.TryGetValue(id, out var p);
            var seed = anySeeds && options.Seeds.Matches(id);
            var under = !known || p!.Pulls < options.MinPulls;
            costs[i] = arm.TokenCost;
            groups[i] = (byte)((seed ? 0 : 2) + (under ? 0 : 1));
            (alphas[i], betas[i]) = known ? (p!.Alpha, p.Beta) : Priors.For(id, options.Seeds, options.SeedBoost);
        }
    }

    // One Beta draw per arm, in input order (so a seed gives the same draws as before the split).
    private static void Draw(GammaSource source, SelectionWorkspace work)
    {
        var alphas = work.Alphas;
        var betas = work.Betas;
        var draws = work.Draws;
        for (var i = 0; i < draws.Length; i++) draws[i] = source.Beta(alphas[i], betas[i]);
    }

    private static bool IsSeed(byte group) => group < 2;

    private static bool IsUnderexplored(byte group) => (group & 1) == 0;
}
