using ClawLearn.Learning;
using ClawLearn.Status;

namespace ClawLearn.Tests.Learning;

public sealed class SaturatingTests
{
    [Theory]
    [InlineData(1, 2, 3)]
    [InlineData(long.MaxValue, 1, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue, long.MaxValue)]
    [InlineData(long.MinValue, -1, long.MinValue)]
    [InlineData(long.MaxValue, long.MinValue, -1)]
    [InlineData(-5, 3, -2)]
    public void Add_stops_at_the_ends_instead_of_wrapping(long a, long b, long expected) => Assert.Equal(expected, Saturating.Add(a, b));

    [Fact]
    public void Run_statistics_of_absurd_usage_stay_at_the_maximum_instead_of_turning_negative()
    {
        // Two traces of long.MaxValue tokens each made the total wrap to a negative number and the savings nonsense.
        var stats = new RunStatistics();
        foreach (var id in new[] { "a", "b" })
        {
            stats.Add(new RunTrace(id, "r" + id, "s", null, 1_772_000_000_000, null, null, null, false, new TraceContext(null, null, null, null),
                [], new TraceUsage(0, 0, 0, 0, long.MaxValue), long.MaxValue, 0, false, null));
        }
        Assert.Equal(long.MaxValue, stats.TotalTokens);
        Assert.True(stats.SelectedAvgTokens > 0);
        Assert.True(stats.SelectedAvgDurationMs > 0);
    }
}
