namespace ClawLearn.Selection;

/// <summary>
/// Beta(a, b) draws as Ga/(Ga+Gb) with Marsaglia–Tsang gammas (shape &lt; 1 boosted by U^(1/shape)) and ziggurat
/// normals, from a caller-supplied <see cref="Random"/> so a seed makes every draw reproducible. Every loop is
/// bounded: the reference's sampler could spin forever on a bad uniform (learning-layer 2.1). Selection draws many
/// values through one <see cref="GammaSource"/>; these one-off helpers make a fresh one per call.
/// </summary>
public static class BetaSampler
{
    public static double Sample(double alpha, double beta, Random random) => new GammaSource(random).Beta(alpha, beta);

    public static double Gamma(double shape, Random random) => new GammaSource(random).Gamma(shape);
}
