namespace ClawLearn.Usage;

/// <summary>
/// Token usage and cost of a session's assistant messages, summed per run (<c>UserIndex</c>; -1 for the messages
/// before the session's first user turn, which belong to no run), UTC day (yyyy-MM-dd, "" when the messages carry no
/// time), provider and model ("" when unknown). Stored per run so an incremental ingest replaces exactly the runs it
/// reads again, as it does for run facts. <c>Total</c> is Σ (<c>totalTokens</c> when reported, else input + output +
/// cacheRead + cacheWrite), as traces count it; <c>Cost</c> is Σ <c>usage.cost.total</c> in dollars as the
/// transcripts report it (no price table); <c>FirstMs</c>/<c>LastMs</c> bound the messages' times.
/// </summary>
public sealed record UsageRow(
    string AgentId,
    string SessionId,
    int UserIndex,
    string Day,
    string Provider,
    string Model,
    long Messages,
    long Input,
    long Output,
    long CacheRead,
    long CacheWrite,
    long Total,
    double Cost,
    long? FirstMs,
    long? LastMs);
