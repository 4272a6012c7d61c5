using ClawLearn.Selection;

namespace ClawLearn.Tests.Selection;

/// <summary>The ziggurat normal sampler under the gammas: its tables, and its draws against N(0, 1).</summary>
public class NormalSamplerTests
{
    [Fact]
    public void The_ziggurat_layers_close_at_the_top_and_bottom()
    {
        // Layers 1…254 have area V by construction; R and V are right only if the top layer (up to f(0) = 1) has area V
        // too, and the bottom rectangle plus the tail beyond R does.
        Assert.Equal(Ziggurat.V, Ziggurat.X[Ziggurat.Layers - 1] * (1 - Ziggurat.F[Ziggurat.Layers - 1]), 1e-11);
        var tail = Math.Sqrt(Math.PI / 2) * Erfc(Ziggurat.R / Math.Sqrt(2));
        Assert.Equal(Ziggurat.V, Ziggurat.R * Math.Exp(-0.5 * Ziggurat.R * Ziggurat.R) + tail, 1e-11);
        for (var i = 1; i < Ziggurat.Layers; i++) Assert.True(Ziggurat.X[i + 1] < Ziggurat.X[i]);
    }

    [Theory]
    [InlineData(20240601, false)]
    [InlineData(7, true)]
    public void Normal_draws_follow_the_standard_normal(int seed, bool derivedRandom)
    {
        const int n = 1_000_000;
        var source = new GammaSource(derivedRandom ? new DerivedRandom(seed) : new Random(seed));
        var draws = new double[n];
        double sum = 0, sumSquares = 0;
        var beyond3 = 0;
        var beyondR = 0;
        for (var i = 0; i < n; i++)
        {
            var x = source.Normal();
            draws[i] = x;
            sum += x;
            sumSquares += x * x;
            if (Math.Abs(x) > 3) beyond3++;
            if (Math.Abs(x) > Ziggurat.R) beyondR++;
        }
        var mean = sum / n;
        var variance = sumSquares / n - mean * mean;
        Assert.InRange(mean, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - 5 * Math.Sqrt(2.0 / n), 1 + 5 * Math.Sqrt(2.0 / n));
        // Tail mass: beyond 3σ (layers' wedges and the tail), and beyond R, where only the tail algorithm reaches.
        AssertShare(beyond3, n, Erfc(3 / Math.Sqrt(2)));
        AssertShare(beyondR, n, Erfc(Ziggurat.R / Math.Sqrt(2)));

        // Chi-square over 80 bins of width 0.1 on [−4, 4] and the two tails (expected ≥ 30 each, df = 81). The 0.1 %
        // critical value is 124.8: a sampler that accepted every wedge point, or mixed up a layer, scores in the hundreds.
        var edges = Enumerable.Range(0, 81).Select(k => -4 + 0.1 * k).ToArray();
        var observed = new int[edges.Length + 1];
        foreach (var x in draws)
        {
            var bin = x < -4 ? 0 : x >= 4 ? edges.Length : 1 + Math.Min(79, (int)Math.Floor((x + 4) / 0.1));
            observed[bin]++;
        }
        var chiSquare = 0.0;
        for (var bin = 0; bin < observed.Length; bin++)
        {
            var lower = bin == 0 ? double.NegativeInfinity : edges[bin - 1];
            var upper = bin == edges.Length ? double.PositiveInfinity : edges[bin];
            var expected = n * (Phi(upper) - Phi(lower));
            chiSquare += (observed[bin] - expected) * (observed[bin] - expected) / expected;
        }
        Assert.InRange(chiSquare, 0, 124.8);
    }

    [Fact]
    public void The_same_seed_gives_the_same_normals()
    {
        var a = new GammaSource(new Random(3));
        var b = new GammaSource(new Random(3));
        for (var i = 0; i < 1000; i++) Assert.Equal(a.Normal(), b.Normal());
    }

    private static void AssertShare(int count, int n, double p)
    {
        var standardError = Math.Sqrt(p * (1 - p) / n);
        Assert.InRange(count / (double)n, p - 5 * standardError, p + 5 * standardError);
    }

    private static double Phi(double x) =>
        double.IsNegativeInfinity(x) ? 0 : double.IsPositiveInfinity(x) ? 1 : 0.5 * Erfc(-x / Math.Sqrt(2));

    // erfc by its continued fraction for x ≥ 2 and by the Maclaurin series of erf below (both to ~1e-15 here);
    // .NET has no erfc of its own.
    private static double Erfc(double x)
    {
        if (x < 0) return 2 - Erfc(-x);
        if (x < 2)
        {
            double term = x, sum = x;
            for (var k = 1; k < 200 && Math.Abs(term) > 1e-17 * Math.Abs(sum); k++)
            {
                term *= -x * x / k;
                sum += term / (2 * k + 1);
            }
            return 1 - 2 / Math.Sqrt(Math.PI) * sum;
        }
        var fraction = 0.0;
        for (var k = 60; k >= 1; k--) fraction = k / 2.0 / (x + fraction);
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / (x + fraction);
    }

    /// <summary>A Random subclass takes .NET's compatibility path (its own Sample()), as a caller's could.</summary>
    private sealed class DerivedRandom(int seed) : Random(seed);
}
