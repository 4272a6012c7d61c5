using System.Globalization;

namespace ClawLearn.Wiki;

/// <summary>The <c>provenance:</c> block: the share of a page's claims of each kind, rounded to two decimals.</summary>
public sealed record Provenance(double Extracted, double Inferred, double Ambiguous)
{
    public static Provenance From(int extracted, int inferred, int ambiguous)
    {
        var total = extracted + inferred + ambiguous;
        if (total == 0) return new Provenance(1, 0, 0);
        var i = Math.Round((double)inferred / total, 2);
        var a = Math.Round((double)ambiguous / total, 2);
        return new Provenance(Math.Round(1 - i - a, 2), i, a);
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
