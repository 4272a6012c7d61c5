using ClawLearn.Selection;

namespace ClawLearn.Tests.Selection;

public class BetaSamplerTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.3, 2)]
    [InlineData(2, 5)]
    [InlineData(50, 2)]
    [InlineData(3, 1)]
    [InlineData(0.1, 0.1)]
    public void Beta_draws_have_the_right_mean_and_variance(double a, double b)
    {
        const int n = 100_000;
        var random = new Random(12345);
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var x = BetaSampler.Sample(a, b, random);
            Assert.InRange(x, 0, 1);
            sum += x;
            sumSquares += x * x;
        }
        var mean = sum / n;
        var variance = sumSquares / n - mean * mean;
        var expectedMean = a / (a + b);
        var expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
        // Five standard errors of the mean; 5 % relative on the variance (its own error is ~1 % at this n).
        Assert.InRange(mean, expectedMean - 5 * Math.Sqrt(expectedVariance / n), expectedMean + 5 * Math.Sqrt(expectedVariance / n));
        Assert.InRange(variance, expectedVariance * 0.95, expectedVariance * 1.05);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(3.7)]
    public void Gamma_draws_have_mean_and_variance_equal_to_the_shape(double shape)
    {
        const int n = 100_000;
        var random = new Random(7);
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var x = BetaSampler.Gamma(shape, random);
            sum += x;
            sumSquares += x * x;
        }
        var mean = sum / n;
        Assert.InRange(mean, shape - 5 * Math.Sqrt(shape / n), shape + 5 * Math.Sqrt(shape / n));
        Assert.InRange(sumSquares / n - mean * mean, shape * 0.95, shape * 1.05);
    }

    /// <summary>The quick acceptance must only accept what Marsaglia–Tsang's logarithm test accepts: checked just under
    /// its bound, over proposals from the lowest possible x (v → 0) to far in the upper tail.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(1.5)]
    [InlineData(4)]
    [InlineData(30)]
    [InlineData(10_000)]
    public void The_quick_acceptance_never_accepts_a_proposal_the_logarithms_reject(double shape)
    {
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        var k = c * c / 12;
        var checkedAny = false;
        for (var step = 1; step < 20_000; step++)
        {
            var x = -1 / c + step * (1 / c + 8) / 20_000;
            var t = c * x;
            var v = (1 + t) * (1 + t) * (1 + t);
            var logAcceptance = 0.5 * x * x + d * (1 - v + Math.Log(v)); // accept iff ln u < this
            var bound = 1 - x * x * x * x * k / Math.Min(1 + t, 1);
            foreach (var u in new[] { bound - 1e-12, bound * 0.999, 0.5, 0.9, 0.999, 0.999999 })
            {
                if (!(u > 0) || !GammaSource.QuickAccept(u, x * x, t, k)) continue;
                checkedAny = true;
                Assert.True(Math.Log(u) < logAcceptance + 1e-9 * Math.Max(1, Math.Abs(logAcceptance)),
                    $"shape {shape}, x {x}, u {u}: quick-accepted, but ln u = {Math.Log(u)} ≥ {logAcceptance}");
            }
        }
        Assert.True(checkedAny);
    }

    [Fact]
    public void The_same_seed_gives_the_same_draws()
    {
        var a = new Random(99);
        var b = new Random(99);
        for (var i = 0; i < 1000; i++) Assert.Equal(BetaSampler.Sample(2.5, 0.7, a), BetaSampler.Sample(2.5, 0.7, b));
    }

    /// <summary>A broken random source (always 0.999…, or always 0) must not hang the sampler.</summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.9999999999)]
    public void A_degenerate_random_source_terminates(double value)
    {
        var x = BetaSampler.Sample(2, 3, new ConstantRandom(value));
        Assert.InRange(x, 0, 1);
    }

    private sealed class ConstantRandom(double value) : Random
    {
        public override double NextDouble() => value;
        protected override double Sample() => value;
    }

    [Fact]
    public void Invalid_shapes_give_zero_and_an_all_zero_pair_gives_one_half()
    {
        Assert.Equal(0, BetaSampler.Gamma(0, new Random(1)));
        Assert.Equal(0, BetaSampler.Gamma(-1, new Random(1)));
        Assert.Equal(0, BetaSampler.Gamma(double.NaN, new Random(1)));
        Assert.Equal(0.5, BetaSampler.Sample(0, 0, new Random(1)));
    }
}
