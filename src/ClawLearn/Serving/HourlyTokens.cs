using ClawLearn.Learning;

namespace ClawLearn.Serving;

/// <summary>
/// Token usage per UTC hour (sum and runs with usage), from which any window that is a whole number of hours is
/// rebuilt with integer bucketing, <c>t = floor(ts / w) · w</c> (the reference's float "buckets" were one per
/// timestamp; learning-layer 2.8). Memory is one entry per hour that had a run.
/// </summary>
public sealed class HourlyTokens
{
    public const long HourMs = 3_600_000;
    private readonly SortedDictionary<long, (long Tokens, long Runs)> _hours = [];

    public void Add(RunTrace trace)
    {
        if (trace.Usage is not { } usage) return;
        var hour = Bucket(trace.Timestamp, HourMs);
        var (tokens, runs) = _hours.GetValueOrDefault(hour);
        _hours[hour] = (Saturating.Add(tokens, usage.Total), runs + 1);
    }

    /// <summary>Average tokens per run in each window of <paramref name="windowMs"/> (a multiple of an hour), oldest first.</summary>
    public IReadOnlyList<TimeseriesPoint> Averages(long windowMs)
    {
        var result = new List<TimeseriesPoint>();
        long current = long.MinValue, tokens = 0, runs = 0;
        foreach (var (hour, (t, r)) in _hours)
        {
            var bucket = Bucket(hour, windowMs);
            if (bucket != current && runs > 0)
            {
                result.Add(new TimeseriesPoint(current, (double)tokens / runs, null, runs));
                (tokens, runs) = (0, 0);
            }
            current = bucket;
            tokens = Saturating.Add(tokens, t);
            runs += r;
        }
        if (runs > 0) result.Add(new TimeseriesPoint(current, (double)tokens / runs, null, runs));
        return result;
    }

    /// <summary>Integer floor bucketing, correct for timestamps before 1970 too.</summary>
    public static long Bucket(long timestamp, long windowMs)
    {
        var quotient = timestamp / windowMs;
        if (timestamp % windowMs < 0) quotient--;
        return quotient * windowMs;
    }
}
