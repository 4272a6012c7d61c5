using System.Globalization;

namespace ClawLearn;

/// <summary>Timestamps appear as ISO-8601 strings and as epoch milliseconds; everything becomes epoch ms.</summary>
public static class Timestamps
{
    public static long? ParseIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.ToUnixTimeMilliseconds()
            : null;
    }

    public static string ToIso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
