namespace ClawLearn.Learning;

/// <summary>Beta-distribution helpers (learning-layer 2.2), with the reference's wrong z for levels other than 0.95 fixed.</summary>
public static class BetaMath
{
    public static double Mean(double alpha, double beta) => alpha + beta == 0 ? 0.5 : alpha / (alpha + beta);

    public static double Variance(double alpha, double beta)
    {
        var sum = alpha + beta;
        return sum == 0 || sum + 1 == 0 ? 0 : alpha * beta / (sum * sum * (sum + 1));
    }

    /// <summary>Normal approximation <c>mean ± z·sd</c>, clamped to [0,1]; z is the two-sided quantile of <paramref name="level"/>.</summary>
    public static (double Lower, double Upper) CredibleInterval(double alpha, double beta, double level = 0.95)
    {
        var mean = Mean(alpha, beta);
        var half = NormalQuantile(0.5 + level / 2) * Math.Sqrt(Variance(alpha, beta));
        return (Math.Clamp(mean - half, 0, 1), Math.Clamp(mean + half, 0, 1));
    }

    /// <summary>From pulls: &lt; 5 low, &lt; 20 medium, else high (learning-layer 2.14).</summary>
    public static string Confidence(long pulls) => pulls < 5 ? "low" : pulls < 20 ? "medium" : "high";

    /// <summary>Inverse standard normal CDF (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0) return double.NegativeInfinity;
        if (p >= 1) return double.PositiveInfinity;
        if (Math.Abs(p - 0.975) < 1e-12) return 1.959963984540054;
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
