namespace ClawLearn.Learning;

/// <summary>
/// One arm of a run: was it in the prompt, did the run use it, what did it cost (trace-contract 6). A value: a run
/// offers a hundred arms or more, and an agent's history has tens of thousands of runs.
/// </summary>
public readonly record struct ArmOutcome(string ArmId, bool Included, bool Referenced, int TokenCost);

/// <summary>Token usage summed over a run's assistant turns.</summary>
public sealed record TraceUsage(long Input, long Output, long CacheRead, long CacheWrite, long Total);

/// <summary>The selection context of a run: always all four keys, null when unknown.</summary>
public sealed record TraceContext(string? SessionKey, string? Channel, string? Provider, string? Model);

/// <summary>A run trace with exactly the seed's fields (exports.txt, trace-contract 5).</summary>
public sealed record RunTrace(
    string TraceId,
    string RunId,
    string SessionId,
    string? SessionKey,
    long Timestamp,
    string? Provider,
    string? Model,
    string? Channel,
    bool IsBaseline,
    TraceContext Context,
    IReadOnlyList<ArmOutcome> Arms,
    TraceUsage? Usage,
    long? DurationMs,
    long SystemPromptChars,
    bool Aborted,
    string? Error);
