namespace ClawLearn.Sessions;

/// <summary>
/// A session chosen for reading, with its metadata resolved per trace-contract section 3: key, channel,
/// sub-agent flag, title, and the index entry (or SQLite node) it was matched with.
/// </summary>
public sealed record SessionInfo(
    SessionSource Source,
    string? SessionKey,
    string? Channel,
    bool IsSubagent,
    string? Name,
    SessionIndexEntry? IndexEntry,
    string? FallbackProvider,
    string? FallbackModel)
{
    public string AgentId => Source.AgentId;
    public string SessionId => Source.SessionId;
}
