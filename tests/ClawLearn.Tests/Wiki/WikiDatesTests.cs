using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

public class WikiDatesTests
{
    [Fact]
    public void Times_are_written_in_utc()
    {
        const long ms = 1_771_668_000_000; // 2026-02-21T10:00:00Z
        Assert.Equal(("2026-02-21T10:00:00Z", "2026-02-21", "2026-02"), (WikiDates.Iso(ms), WikiDates.Day(ms), WikiDates.Month(ms)));
    }

    [Theory]
    // A SQLite store's created_at of 1e308 reads as long.MaxValue: the run goes on with the nearest date there is.
    [InlineData(long.MaxValue, "9999-12-31T23:59:59Z", "9999-12-31", "9999-12")]
    [InlineData(long.MinValue, "0001-01-01T00:00:00Z", "0001-01-01", "0001-01")]
    public void A_time_no_date_can_hold_is_written_as_the_nearest_one(long ms, string iso, string day, string month)
    {
        Assert.Equal((iso, day, month), (WikiDates.Iso(ms), WikiDates.Day(ms), WikiDates.Month(ms)));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(ms > 0 ? 253402300799999 : -62135596800000).UtcDateTime, WikiDates.Utc(ms));
    }
}
