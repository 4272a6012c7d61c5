namespace ClawLearn.Usage;

/// <summary>
/// One line of a usage report: a session (<see cref="AgentId"/> and <see cref="SessionId"/> set), a UTC day
/// (<see cref="Day"/> set, "" for messages without time), or the totals (neither). Tokens and cost are sums over the
/// assistant messages the line covers; <see cref="Models"/> are the models they name, in ordinal order.
/// </summary>
public sealed record UsageLine(
    string? AgentId,
    string? SessionId,
    string? Day,
    long Messages,
    long Input,
    long Output,
    long CacheRead,
    long CacheWrite,
    long Total,
    double Cost,
    long? FirstMs,
    long? LastMs,
    IReadOnlyList<string> Models);
