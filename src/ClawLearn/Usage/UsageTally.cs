using ClawLearn.Transcripts;

namespace ClawLearn.Usage;

/// <summary>Sums one session's assistant usage into <see cref="UsageRow"/>s as the messages stream past.</summary>
public sealed class UsageTally(string agentId, string sessionId)
{
    // Keyed by the UTC day's number (-1 for none): this runs for every assistant message, and the day is written out
    // as text once per row instead of once per message. Numbers sort as the yyyy-MM-dd texts do, with none first.
    private readonly Dictionary<(int Index, int Day, string Provider, string Model), Sum> _sums = [];

    public void Add(int userIndex, long? timeMs, string? provider, string? model, TokenUsage usage)
    {
        var day = timeMs is { } ms ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime).DayNumber : -1;
        var key = (userIndex, day, provider ?? "", model ?? "");
        if (!_sums.TryGetValue(key, out var sum)) _sums[key] = sum = new Sum();
        sum.Add(timeMs, usage);
    }

    /// <summary>The rows so far, in a fixed order (run, day, provider, model).</summary>
    public IReadOnlyList<UsageRow> Rows() =>
        _sums.OrderBy(s => s.Key.Index).ThenBy(s => s.Key.Day).ThenBy(s => s.Key.Provider, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Model, StringComparer.Ordinal)
            .Select(s => new UsageRow(agentId, sessionId, s.Key.Index, DayText(s.Key.Day), s.Key.Provider, s.Key.Model, s.Value.Messages, s.Value.Input,
                s.Value.Output, s.Value.CacheRead, s.Value.CacheWrite, s.Value.Total, s.Value.Cost, s.Value.First, s.Value.Last))
            .ToList();

    private static string DayText(int dayNumber) =>
        dayNumber < 0 ? "" : DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Sum
    {
        public long Messages, Input, Output, CacheRead, CacheWrite, Total;
        public double Cost;
        public long? First, Last;

        public void Add(long? timeMs, TokenUsage usage)
        {
            Messages++;
            (Input, Output, CacheRead, CacheWrite, Total) =
                (Saturating.Add(Input, usage.Input), Saturating.Add(Output, usage.Output), Saturating.Add(CacheRead, usage.CacheRead),
                    Saturating.Add(CacheWrite, usage.CacheWrite), Saturating.Add(Total, usage.Total));
            Cost += usage.Cost ?? 0;
            if (timeMs is not { } t) return;
            First = First is { } f && f <= t ? f : t;
            Last = Last is { } l && l >= t ? l : t;
        }
    }
}
