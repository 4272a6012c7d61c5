namespace ClawLearn.Sessions;

/// <summary>
/// One place a session's events can be read from: a JSONL file (live or archived) or a session in the SQLite
/// store. <see cref="EventCount"/> is known for SQLite, and counted for files only when de-duplication needs it.
/// <see cref="Bytes"/> and <see cref="ModifiedTicks"/> are the file's size and last write time at discovery.
/// </summary>
public sealed record SessionSource(
    string AgentId,
    string SessionId,
    SessionSourceKind Kind,
    string Path,
    long Bytes,
    TranscriptFileName? FileName,
    long? EventCount = null,
    long ModifiedTicks = 0)
{
    public string? ThreadId => FileName?.ThreadId;
}
