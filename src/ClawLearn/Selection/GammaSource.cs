namespace ClawLearn.Selection;

/// <summary>
/// Gamma and Beta draws from one <see cref="Random"/>, keeping the second normal of each Box–Muller pair for the
/// next draw (half the logarithms and square roots). One instance serves one selection; it is not thread-safe.
/// </summary>
internal sealed class GammaSource(Random random)
{
    private const int MaxRejections = 1000; // Marsaglia–Tsang accepts > 95 % of proposals; 1000 misses never happen in practice
    private double _spare;
    private bool _hasSpare;

    public double Beta(double alpha, double beta)
    {
        var x = Gamma(alpha);
        var y = Gamma(beta);
        var sum = x + y;
        return sum > 0 && double.IsFinite(sum) ? x / sum : 0.5;
    }

    public double Gamma(double shape)
    {
        if (!(shape > 0) || !double.IsFinite(shape)) return 0;
        if (shape < 1)
        {
            var u = Uniform();
            return Gamma(shape + 1) * Math.Pow(u, 1 / shape);
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        for (var i = 0; i < MaxRejections; i++)
        {
            double x, v;
            var tries = 0;
            do
            {
                x = Normal();
                v = 1 + c * x;
            }
            while (v <= 0 && ++tries < MaxRejections);
            if (v <= 0) continue;
            v = v * v * v;
            var u = Uniform();
            var x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) return d * v;
            if (Math.Log(u) < 0.5 * x2 + d * (1 - v + Math.Log(v))) return d * v;
        }
        return shape; // the mean: only reachable with a broken random source
    }

    public double Normal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        var r = Math.Sqrt(-2 * Math.Log(Uniform()));
        var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
        _spare = r * sin;
        _hasSpare = true;
        return r * cos;
    }

    // (0, 1): never exactly 0, so logarithms and powers stay finite.
    private double Uniform()
    {
        var u = random.NextDouble();
        return u > 0 ? u : double.Epsilon;
    }
}
