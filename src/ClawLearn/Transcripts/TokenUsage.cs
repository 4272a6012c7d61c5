namespace ClawLearn.Transcripts;

/// <summary>An assistant message's reported token usage, and its cost (<c>usage.cost.total</c>, in dollars) when reported.</summary>
public sealed record TokenUsage(long Input, long Output, long CacheRead, long CacheWrite, long? TotalTokens, double? Cost = null)
{
    /// <summary><c>totalTokens</c> when reported, else input + output + cacheRead + cacheWrite.</summary>
    public long Total => TotalTokens ?? Saturating.Add(Input, Output, CacheRead, CacheWrite);
}
