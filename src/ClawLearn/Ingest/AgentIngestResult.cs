namespace ClawLearn.Ingest;

/// <summary>What one agent's ingest did.</summary>
public sealed record AgentIngestResult(
    string AgentId,
    string StorePath,
    int SessionsRead,
    int SessionsUnchanged,
    int SessionsReset,
    long LinesRead,
    long LinesSkipped,
    int TracesAdded,
    int TracesChanged,
    int TracesRemoved,
    long TracesTotal,
    int PendingRuns,
    int RunsWithoutTime,
    bool WorkspaceChanged,
    bool TracesRebuilt,
    IReadOnlyList<string> Problems)
{
    /// <summary>When only transcripts grew: the time from which traces were rebuilt (the earlier ones were kept as they were).</summary>
    public long? RebuiltFromMs { get; init; }

    public bool NothingChanged => SessionsRead == 0 && TracesAdded == 0 && TracesChanged == 0 && TracesRemoved == 0 && !WorkspaceChanged;
}
