using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The form OpenClaw writes, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, as UTF-8, without the regular expression and the
    /// general parser: true with the same value <see cref="ParseIso"/> gives; false for anything else (another form,
    /// or a field out of range), which the caller then hands to <see cref="ParseIso"/>.
    /// </summary>
    // Runs for every line of every transcript: compiled optimised at once. Left to the tiered JIT it stayed unoptimised
    // for most of a cold ingest (tier-up waits while start-up keeps compiling new methods).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseCanonical(ReadOnlySpan<byte> t, out long ms)
    {
        ms = 0;
        if (t.Length != 24 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != '.' || t[23] != 'Z') return false;
        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day) || !Digits(t, 11, 2, out var hour)
            || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second) || !Digits(t, 20, 3, out var milli)) return false;
        // Only plainly valid values; leap seconds, hour 24 and year 0 are left to the general parser.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        ms = new DateTimeOffset(year, month, day, hour, minute, second, milli, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> t, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = t[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*(Z|z|[+-]\d{2}(:?\d{2})?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();

    public static string ToIso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
