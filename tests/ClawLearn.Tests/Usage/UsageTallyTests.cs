using ClawLearn.Transcripts;
using ClawLearn.Usage;

namespace ClawLearn.Tests.Usage;

/// <summary>A session's usage rows: one per run, UTC day, provider and model, in that order (no day first).</summary>
public sealed class UsageTallyTests
{
    private static long Ms(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    [Fact]
    public void Rows_are_split_by_utc_day_and_ordered_by_run_day_provider_and_model()
    {
        var tally = new UsageTally("main", "s1");
        var usage = new TokenUsage(10, 1, 0, 0, 11, 0.5);
        tally.Add(1, Ms("2026-03-02T00:00:00.000Z"), "openai", "gpt", usage);
        tally.Add(1, Ms("2026-03-01T23:59:59.999Z"), "openai", "gpt", usage); // the day before, by a millisecond
        tally.Add(1, null, "openai", "gpt", usage);
        tally.Add(1, Ms("2026-03-02T09:00:00.000+09:00"), "anthropic", "claude", usage); // 00:00 UTC: the 2nd
        tally.Add(0, Ms("1969-12-31T12:00:00.000Z"), "anthropic", "claude", usage); // before the epoch
        tally.Add(0, Ms("1969-12-31T18:00:00.000Z"), "anthropic", "claude", usage);
        tally.Add(-1, Ms("2026-03-01T08:00:00.000Z"), null, null, usage);

        var rows = tally.Rows().Select(r => (r.UserIndex, r.Day, r.Provider, r.Model, r.Messages)).ToList();
        Assert.Equal(
        [
            (-1, "2026-03-01", "", "", 1L),
            (0, "1969-12-31", "anthropic", "claude", 2L),
            (1, "", "openai", "gpt", 1L),
            (1, "2026-03-01", "openai", "gpt", 1L),
            (1, "2026-03-02", "anthropic", "claude", 1L),
            (1, "2026-03-02", "openai", "gpt", 1L),
        ], rows);
    }
}
