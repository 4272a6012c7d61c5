using System.Globalization;
using System.Text.Json;

namespace ClawLearn.Usage;

/// <summary>
/// Writes a usage report as JSON in ccusage's shape and field names (<c>{"sessions"|"daily": […], "totals": {…}}</c>
/// with <c>inputTokens</c>, <c>outputTokens</c>, <c>cacheCreationTokens</c>, <c>cacheReadTokens</c>,
/// <c>totalTokens</c>, <c>totalCost</c>, <c>modelsUsed</c>), so tools that read ccusage's output can read ours. Cost is
/// rounded to whole microdollars: the sums of many binary fractions otherwise print as 0.30000000000000004.
/// </summary>
public static class UsageJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>; <paramref name="source"/> gives a session line's source path (or null).</summary>
    public static void Write(Stream output, UsageSummary report, Func<UsageLine, string?> source)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartArray(report.By == UsageGrouping.Session ? "sessions" : "daily");
        foreach (var line in report.Lines)
        {
            w.WriteStartObject();
            if (report.By == UsageGrouping.Session)
            {
                w.WriteString("sessionId", line.SessionId);
                w.WriteString("agentId", line.AgentId);
                if (source(line) is { } path) w.WriteString("source", path);
            }
            else
            {
                w.WriteString("date", line.Day is { Length: > 0 } day ? day : "unknown");
            }
            Counts(w, line);
            Activity(w, line);
            w.WriteStartArray("modelsUsed");
            foreach (var model in line.Models) w.WriteStringValue(model);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("totals");
        Counts(w, report.Totals);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    private static void Counts(Utf8JsonWriter w, UsageLine line)
    {
        w.WriteNumber("messages", line.Messages);
        w.WriteNumber("inputTokens", line.Input);
        w.WriteNumber("outputTokens", line.Output);
        w.WriteNumber("cacheCreationTokens", line.CacheWrite);
        w.WriteNumber("cacheReadTokens", line.CacheRead);
        w.WriteNumber("totalTokens", line.Total);
        w.WriteNumber("totalCost", Math.Round(line.Cost, 6, MidpointRounding.AwayFromZero));
    }

    private static void Activity(Utf8JsonWriter w, UsageLine line)
    {
        if (line.FirstMs is { } first) w.WriteString("firstActivity", Iso(first));
        if (line.LastMs is { } last) w.WriteString("lastActivity", Iso(last));
    }

    public static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
