using ClawLearn.Learning;

namespace ClawLearn.Runs;

/// <summary>
/// What one run (a user turn and everything up to the next user turn) did, reduced to what traces are built
/// from: times, model, usage, outcome, and which tools, skills, files and memory it referenced. Stored per run so
/// traces can be rebuilt for a whole agent without reading transcripts again.
/// </summary>
public sealed record RunFacts(
    string AgentId,
    string SessionId,
    int UserIndex,
    long Position,
    long? UserTimeMs,
    long? FirstTimeMs,
    long? LastTimeMs,
    string? Provider,
    string? Model,
    string? PriorProvider,
    string? PriorModel,
    bool HasAssistant,
    TraceUsage? Usage,
    bool Aborted,
    string? Error,
    IReadOnlyList<string> ToolsCalled,
    IReadOnlyList<string> SkillsReferenced,
    IReadOnlyList<string> FilesReferenced,
    IReadOnlyList<string> MemoryReferenced)
{
    /// <summary>The trace's time: the user turn's, else the run's first timed turn's.</summary>
    public long? Timestamp => UserTimeMs ?? FirstTimeMs;
}
