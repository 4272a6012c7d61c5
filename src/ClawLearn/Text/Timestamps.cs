using System.Globalization;
using System.Text.RegularExpressions;

namespace ClawLearn;

/// <summary>Timestamps appear as ISO-8601 strings and as epoch milliseconds; everything becomes epoch ms.</summary>
public static partial class Timestamps
{
    /// <summary>Parses ISO-8601 only (a date, optionally a time, fraction and zone; no zone means UTC).</summary>
    public static long? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !IsoShape().IsMatch(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.ToUnixTimeMilliseconds()
            : null;
    }

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*(Z|z|[+-]\d{2}(:?\d{2})?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();

    public static string ToIso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
