using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ClawLearn.Cli.Api;

/// <summary>
/// Strict query parameters: an integer is digits only and within its range, or the request is a 400 (the
/// reference let SQLite turn a negative limit into "no limit" and threw on <c>2.5</c>; learning-layer 4.1).
/// </summary>
internal static class QueryValues
{
    public static bool TryInt(HttpContext context, string name, int fallback, int min, int max, out int value, out IResult? error)
    {
        error = null;
        value = fallback;
        var raw = context.Request.Query[name];
        if (raw.Count == 0) return true;
        if (raw.Count == 1 && int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        error = ApiResults.Error(StatusCodes.Status400BadRequest, $"{name} must be an integer from {min} to {max}, got '{string.Join(",", raw.ToArray())}'");
        return false;
    }

    /// <summary>One of <paramref name="allowed"/> (case-sensitive), the first one when absent.</summary>
    public static bool TryChoice(HttpContext context, string name, string[] allowed, out string value, out IResult? error)
    {
        error = null;
        var raw = context.Request.Query[name];
        value = raw.Count == 0 ? allowed[0] : raw[0] ?? "";
        if (raw.Count <= 1 && allowed.Contains(value)) return true;
        error = ApiResults.Error(StatusCodes.Status400BadRequest, $"{name} must be one of {string.Join(", ", allowed)}, got '{string.Join(",", raw.ToArray())}'");
        return false;
    }

    /// <summary>The window of a timeseries in milliseconds.</summary>
    public static long WindowMs(string window) => window == "1d" ? 86_400_000 : 3_600_000;
}
