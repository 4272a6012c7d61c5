using ClawLearn.Runs;

namespace ClawLearn.Storage;

/// <summary>
/// How far ingest has read one session's source. <see cref="Position"/> is where the next read starts: a byte
/// offset for files, the last <c>seq</c> already read for SQLite. It points at the session's last run, which is
/// always read again, so a run that was pending or still growing is completed by the next ingest.
/// </summary>
public sealed record SourceCursor(
    string AgentId,
    string SessionId,
    string Kind,
    string Path,
    string Identity,
    long Size,
    long ModifiedTicks,
    long Position,
    int NextUserIndex,
    string? Provider,
    string? Model,
    string? MetaJson)
{
    /// <summary>The session's metadata as stored (JSON, compared as text: records holding dictionaries compare by reference).</summary>
    public SessionMeta? Meta => MetaJson is null ? null : System.Text.Json.JsonSerializer.Deserialize(MetaJson, LearningJsonContext.Default.SessionMeta);

    public static string Serialize(SessionMeta meta) => System.Text.Json.JsonSerializer.Serialize(meta, LearningJsonContext.Default.SessionMeta);
}
