namespace ClawLearn;

/// <summary>
/// Sums of counts that stop at <see cref="long.MaxValue"/> (or <see cref="long.MinValue"/>) instead of wrapping. Token and
/// duration counts come from transcripts and from clients; one absurd value (a corrupt line, a bad request) must not turn
/// a total negative and every average and saving computed from it into nonsense.
/// </summary>
public static class Saturating
{
    public static long Add(long a, long b)
    {
        var sum = unchecked(a + b);
        // Overflow only when both operands have one sign and the sum the other.
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }

    public static long Add(long a, long b, long c, long d) => Add(Add(a, b), Add(c, d));

    /// <summary>Like LINQ's <c>Sum</c>, which throws on overflow, but saturating.</summary>
    public static long Sum<T>(IEnumerable<T> items, Func<T, long> value)
    {
        long sum = 0;
        foreach (var item in items) sum = Add(sum, value(item));
        return sum;
    }
}
