namespace ClawLearn.Transcripts;

/// <summary>An assistant message's reported token usage.</summary>
public sealed record TokenUsage(long Input, long Output, long CacheRead, long CacheWrite, long? TotalTokens)
{
    /// <summary><c>totalTokens</c> when reported, else input + output + cacheRead + cacheWrite.</summary>
    public long Total => TotalTokens ?? Input + Output + CacheRead + CacheWrite;
}
