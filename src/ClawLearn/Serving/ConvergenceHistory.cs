namespace ClawLearn.Serving;

/// <summary>
/// The true history of each arm's posterior mean (the reference emitted today's means for every bucket; learning-layer
/// 2.8.2): after every update, the arm's mean is recorded in its UTC hour, a later update in the same hour
/// overwriting it. A point therefore says "the mean at the end of this window", and an arm has points only in the
/// windows where it changed; between them its mean was constant. Memory grows with arms × active hours.
/// </summary>
public sealed class ConvergenceHistory
{
    private readonly Dictionary<string, List<(long Hour, double Mean)>> _arms = new(StringComparer.Ordinal);

    public void Record(string armId, long timestamp, double mean)
    {
        if (!_arms.TryGetValue(armId, out var points)) _arms[armId] = points = [];
        var hour = HourlyTokens.Bucket(timestamp, HourlyTokens.HourMs);
        if (points.Count > 0 && points[^1].Hour == hour) points[^1] = (hour, mean);
        else points.Add((hour, mean));
    }

    /// <summary>The means of <paramref name="armIds"/> (all arms when null) per window, by window then arm id.</summary>
    public IReadOnlyList<TimeseriesPoint> Points(long windowMs, IEnumerable<string>? armIds = null)
    {
        var result = new List<TimeseriesPoint>();
        foreach (var armId in (armIds ?? _arms.Keys).Where(_arms.ContainsKey))
        {
            var points = _arms[armId];
            for (var i = 0; i < points.Count; i++)
            {
                var bucket = HourlyTokens.Bucket(points[i].Hour, windowMs);
                // The last point of each window is the mean at its end.
                if (i + 1 < points.Count && HourlyTokens.Bucket(points[i + 1].Hour, windowMs) == bucket) continue;
                result.Add(new TimeseriesPoint(bucket, points[i].Mean, armId, null));
            }
        }
        result.Sort((a, b) => a.T != b.T ? a.T.CompareTo(b.T) : string.CompareOrdinal(a.ArmId, b.ArmId));
        return result;
    }
}
