using ClawLearn.Learning;

namespace ClawLearn.Serving;

/// <summary>
/// The true history of each arm's posterior mean (the reference emitted today's means for every bucket; learning-layer
/// 2.8.2): after every update, the arm's Beta parameters are recorded in its UTC hour, a later update in the same
/// hour overwriting them. A point therefore says "the posterior at the end of this window", and an arm has points
/// only in the windows where it changed; between them it was constant. A trace that arrives late is patched in:
/// its update is added to the arm's points from its hour on. Memory grows with arms × active hours.
/// </summary>
public sealed class ConvergenceHistory
{
    private readonly Dictionary<string, List<Point>> _arms = new(StringComparer.Ordinal);

    private record struct Point(long Hour, double Alpha, double Beta);

    /// <summary>Records an arm's posterior after an update at <paramref name="timestamp"/>, the latest time recorded for it.</summary>
    public void Record(string armId, long timestamp, double alpha, double beta)
    {
        if (!_arms.TryGetValue(armId, out var points)) _arms[armId] = points = [];
        var hour = HourlyTokens.Bucket(timestamp, HourlyTokens.HourMs);
        if (points.Count > 0 && points[^1].Hour >= hour) points[^1] = points[^1] with { Alpha = alpha, Beta = beta };
        else points.Add(new Point(hour, alpha, beta));
    }

    /// <summary>
    /// Adds an update that happened at <paramref name="timestamp"/>, before later points of the arm: the points from
    /// that hour on gain it, up to the first of <paramref name="resetsAfter"/> (later resets of the arm, which wiped
    /// it). A reset records a point for every arm that exists; an arm this late trace brings gets those points
    /// (its prior) where it had none. <paramref name="prior"/> is the arm's state before any point and after a reset.
    /// </summary>
    public void RecordLate(string armId, long timestamp, double deltaAlpha, double deltaBeta, (double Alpha, double Beta) prior, IReadOnlyList<long> resetsAfter)
    {
        if (!_arms.TryGetValue(armId, out var points)) _arms[armId] = points = [];
        foreach (var reset in resetsAfter)
        {
            // Without a point at a reset's hour, the arm did not exist then (a reset records every arm that does), and
            // nothing happened to it in the rest of that hour: its state at the hour's end is the prior.
            var resetHour = HourlyTokens.Bucket(reset, HourlyTokens.HourMs);
            if (points.Exists(p => p.Hour == resetHour)) continue;
            var at = points.FindIndex(p => p.Hour > resetHour);
            points.Insert(at < 0 ? points.Count : at, new Point(resetHour, prior.Alpha, prior.Beta));
        }
        var hour = HourlyTokens.Bucket(timestamp, HourlyTokens.HourMs);
        var until = resetsAfter.Count > 0 ? HourlyTokens.Bucket(resetsAfter[0], HourlyTokens.HourMs) : long.MaxValue;
        if (hour >= until || (deltaAlpha == 0 && deltaBeta == 0)) return;
        var i = points.FindIndex(p => p.Hour >= hour);
        if (i < 0) i = points.Count;
        if (i == points.Count || points[i].Hour != hour)
        {
            var before = i > 0 ? (points[i - 1].Alpha, points[i - 1].Beta) : prior;
            points.Insert(i, new Point(hour, before.Item1, before.Item2));
        }
        for (var k = i; k < points.Count && points[k].Hour < until; k++)
            points[k] = points[k] with { Alpha = points[k].Alpha + deltaAlpha, Beta = points[k].Beta + deltaBeta };
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
                // The last point of each window is the posterior at its end.
                if (i + 1 < points.Count && HourlyTokens.Bucket(points[i + 1].Hour, windowMs) == bucket) continue;
                result.Add(new TimeseriesPoint(bucket, BetaMath.Mean(points[i].Alpha, points[i].Beta), armId, null));
            }
        }
        result.Sort((a, b) => a.T != b.T ? a.T.CompareTo(b.T) : string.CompareOrdinal(a.ArmId, b.ArmId));
        return result;
    }
}
