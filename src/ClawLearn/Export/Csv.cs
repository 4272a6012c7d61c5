using System.Globalization;

namespace ClawLearn.Export;

/// <summary>RFC 4180 fields: quoted when they hold a comma, a quote, CR or LF, with inner quotes doubled.</summary>
internal static class Csv
{
    public static string Field(string? value)
    {
        if (value is null) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Fixed4(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "1" : "0";
}
