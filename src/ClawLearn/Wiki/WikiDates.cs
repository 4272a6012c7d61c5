using System.Globalization;

namespace ClawLearn.Wiki;

/// <summary>The few date formats the vault uses, all UTC and culture-invariant.</summary>
public static class WikiDates
{
    public static string Month(long ms) => Utc(ms).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Day(long ms) => Utc(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 to the second, as frontmatter and log lines use it: <c>2026-02-21T10:00:00Z</c>.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Iso(long ms) => Iso(Time(ms));

    /// <summary>Epoch milliseconds as a UTC date and time.</summary>
    public static DateTime Utc(long ms) => Time(ms).UtcDateTime;

    // A time from the sources, which can hold anything (a SQLite store's created_at of 1e308): one outside what a
    // date can be is written as the nearest date that can, rather than stopping the run.
    private static DateTimeOffset Time(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ms, MinMs, MaxMs));

    private static readonly long MinMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>"February 2026" for <c>2026-02</c>.</summary>
    public static string MonthName(string month) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
