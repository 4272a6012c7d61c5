namespace ClawLearn.Selection;

/// <summary>
/// Tables for the ziggurat normal sampler (Marsaglia and Tsang 2000, in Doornik's 2005 ZIGNOR form: the layer index
/// comes from bits independent of the uniform that places the point, which fixes the original's correlation). 256
/// layers of equal area V under the unnormalised density f(x) = exp(−x²/2); a draw lands inside a layer's inner box
/// (no exponential, no logarithm) about 99 % of the time. Built once from R and V, so there is no hand-typed table
/// to get wrong.
/// </summary>
internal static class Ziggurat
{
    public const int Layers = 256;

    /// <summary>Where the tail starts: the right edge of the bottom layer's rectangle.</summary>
    public const double R = 3.6541528853610088;

    /// <summary>Area of each layer (the bottom one includes the tail beyond R).</summary>
    public const double V = 4.92867323399e-3;

    /// <summary>Layer widths: X[0] = V/f(R) (the bottom layer as a rectangle of area V), X[1] = R, …, X[256] = 0.</summary>
    public static readonly double[] X = new double[Layers + 1];

    /// <summary>f(X[i]), with f(X[256]) = f(0) = 1.</summary>
    public static readonly double[] F = new double[Layers + 1];

    /// <summary>X[i+1]/X[i]: a uniform u in (−1, 1) with |u| below it lies in layer i's inner box, accepted at once.</summary>
    public static readonly double[] Ratio = new double[Layers];

    static Ziggurat()
    {
        var f = Math.Exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        for (var i = 2; i < Layers; i++)
        {
            X[i] = Math.Sqrt(-2 * Math.Log(V / X[i - 1] + f));
            f = Math.Exp(-0.5 * X[i] * X[i]);
        }
        X[Layers] = 0;
        for (var i = 0; i <= Layers; i++) F[i] = Math.Exp(-0.5 * X[i] * X[i]);
        for (var i = 0; i < Layers; i++) Ratio[i] = X[i + 1] / X[i];
    }
}
