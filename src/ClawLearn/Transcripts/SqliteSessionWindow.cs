using ClawLearn.Sessions;

namespace ClawLearn.Transcripts;

/// <summary>
/// A session as the SQLite store (OpenClaw 2026.8+) knows it: its event count, its <c>session_windows</c>
/// row and the <c>session_nodes</c> entry that points at it. Columns an older store lacks are null.
/// </summary>
public sealed record SqliteSessionWindow(
    string SessionId,
    long EventCount,
    string? SessionKey,
    string? Channel,
    string? ModelProvider,
    string? Model,
    string? DisplayName,
    long? CreatedAtMs,
    SessionIndexEntry? NodeEntry);
