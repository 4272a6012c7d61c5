using ClawLearn.Learning;

namespace ClawLearn.Serving;

/// <summary>
/// Checks a trace a live gateway posts (the export's trace shape) before it may touch the posteriors, and fills
/// what a sender may leave out: a missing <c>context</c> is built from the top-level fields.
/// </summary>
public static class RecordedTraces
{
    /// <summary>The earliest timestamp accepted: 2000-01-01 (older is a unit mistake, seconds for milliseconds).</summary>
    public const long EarliestTimestamp = 946_684_800_000;

    /// <summary>The most tokens one run's usage may count in any field, and the longest run in milliseconds (a trillion
    /// of each: far past any real run, far below where a store's totals would stop adding up).</summary>
    public const long MaxCount = 1_000_000_000_000;

    /// <summary>
    /// The normalised trace, or the first problem found. A timestamp must lie between 2000 and a day after
    /// <paramref name="nowMs"/>: a run from the far future would sort after every real one forever.
    /// </summary>
    public static (RunTrace? Trace, string? Problem) Check(RunTrace? trace, long nowMs)
    {
        if (trace is null) return (null, "the body must be a trace object");
        if (string.IsNullOrWhiteSpace(trace.TraceId)) return (null, "traceId (string) is required");
        if (string.IsNullOrWhiteSpace(trace.RunId)) return (null, "runId (string) is required");
        if (string.IsNullOrWhiteSpace(trace.SessionId)) return (null, "sessionId (string) is required");
        if (trace.Timestamp < EarliestTimestamp || trace.Timestamp > nowMs + 86_400_000)
            return (null, $"timestamp must be milliseconds since the epoch, from 2000-01-01 to a day from now; got {trace.Timestamp}");
        if (trace.Arms is null) return (null, "arms (array) is required");
        foreach (var arm in trace.Arms)
        {
            // A null in the array fails deserialisation already (an arm is a value); a missing armId does not.
            if (arm.ArmId is null) return (null, "every arm needs an armId (string)");
            if (ArmId.Parse(arm.ArmId) is null) return (null, $"arm id '{arm.ArmId}' is not type:category:id with a known type (tool, skill, file, memory)");
            if (arm.TokenCost < 0) return (null, $"arm '{arm.ArmId}' has a negative tokenCost");
        }
        if (trace.Usage is { } u && (u.Input < 0 || u.Output < 0 || u.CacheRead < 0 || u.CacheWrite < 0 || u.Total < 0))
            return (null, "usage counts must not be negative");
        if (trace.Usage is { } v && (v.Input > MaxCount || v.Output > MaxCount || v.CacheRead > MaxCount || v.CacheWrite > MaxCount || v.Total > MaxCount))
            return (null, $"usage counts must not exceed {MaxCount} tokens");
        if (trace.DurationMs < 0) return (null, "durationMs must not be negative");
        if (trace.DurationMs > MaxCount) return (null, $"durationMs must not exceed {MaxCount}");
        var context = trace.Context ?? new TraceContext(trace.SessionKey, trace.Channel, trace.Provider, trace.Model);
        return (trace with { Context = context }, null);
    }
}
