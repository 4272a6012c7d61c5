namespace ClawLearn.Bench.Corpus;

/// <summary>
/// Transcript sizes as real histories have them (peers-and-style §1, ccusage's real-world profile): median
/// ~100 KB, p75 ~234 KB, p90 ~650 KB, p95 ~1.5 MB, p99 ~5 MB. One log-normal cannot meet all five (the real
/// tail is heavier), so this is a piecewise log-normal: ln(size) is linear in the normal quantile z between the
/// given points, which reproduces each quantile exactly and is a plain log-normal inside each segment.
/// </summary>
internal static class FileSizeDistribution
{
    // (z of the quantile, size in bytes) for p50, p75, p90, p95, p99.
    private static readonly (double Z, double Bytes)[] Points =
    [
        (0.0, 100_000), (0.6745, 234_000), (1.2816, 650_000), (1.6449, 1_500_000), (2.3263, 5_000_000),
    ];

    /// <summary>Below the median the p50–p75 slope continues (heartbeats and cron runs make many small files).</summary>
    private const double MinBytes = 2_000;

    /// <summary>The largest ordinary file before scaling; real profiles top out near 87 MB besides runaway files.</summary>
    private const double MaxBytes = 64_000_000;

    public static double Sample(Random random) => Quantile(StandardNormal(random));

    public static double Quantile(double z)
    {
        var i = 1;
        while (i < Points.Length - 1 && z > Points[i].Z) i++;
        var (z0, b0) = Points[i - 1];
        var (z1, b1) = Points[i];
        var slope = (Math.Log(b1) - Math.Log(b0)) / (z1 - z0);
        return Math.Clamp(Math.Exp(Math.Log(b0) + slope * (z - z0)), MinBytes, MaxBytes);
    }

    /// <summary>Box–Muller; one draw per call keeps the sequence simple to reason about for a seed.</summary>
    public static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
