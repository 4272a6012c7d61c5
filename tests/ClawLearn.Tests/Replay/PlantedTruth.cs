using ClawLearn.Learning;

namespace ClawLearn.Tests.Replay;

/// <summary>
/// Synthetic histories with a known truth: each arm is referenced with a fixed probability per run (which may
/// change at a drift point). Every run has every arm, as history with the full prompt does.
/// </summary>
internal static class PlantedTruth
{
    public const int Arms = 20;
    public const int Cost = 100;

    public static IEnumerable<RunTrace> Runs(int count, Func<int, int, double> probability, int seed = 11)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var run = 0; run < count; run++)
        {
            var arms = new List<ArmOutcome>();
            for (var arm = 0; arm < Arms; arm++)
                arms.Add(new ArmOutcome($"tool:other:t{arm:00}", true, random.NextDouble() < probability(run, arm), Cost));
            var id = $"tr_{run:x8}";
            yield return new RunTrace(id, "run_" + id[3..], "s", null, start + run * 3_600_000L, null, null, null, true,
                new TraceContext(null, null, null, null), arms, null, null, 0, false, null);
        }
    }

    /// <summary>Five useful arms (0.9), fifteen rarely used (0.05).</summary>
    public static double Stationary(int run, int arm) => arm < 5 ? 0.9 : 0.05;
}
