namespace ClawLearn.Transcripts;

/// <summary>Something a transcript line (or SQLite event) contributes: a turn, or session metadata.</summary>
public abstract record TranscriptRecord(long? TimestampMs);

/// <summary>The header line of a real transcript.</summary>
public sealed record SessionHeader(string? Id, int? Version, long? TimestampMs, string? ParentSession, string? Cwd)
    : TranscriptRecord(TimestampMs);

/// <summary><c>model_change</c>: the session's provider and model from here on.</summary>
public sealed record ModelChange(string? Provider, string? Model, long? TimestampMs) : TranscriptRecord(TimestampMs);

/// <summary><c>session_info.name</c>: a user-set session title.</summary>
public sealed record SessionTitle(string Name, long? TimestampMs) : TranscriptRecord(TimestampMs);

/// <summary>Any other entry (compaction, branch summary, custom, label, …): metadata, not an error.
/// <see cref="Summary"/> holds the pre-distilled text of compaction and branch summaries.</summary>
public sealed record MetadataEntry(string Type, string? Summary, long? TimestampMs) : TranscriptRecord(TimestampMs);

/// <summary>A user, assistant, tool-call or tool-result turn.</summary>
public sealed record Turn(
    TurnRole Role,
    long? TimestampMs,
    string Text,
    IReadOnlyList<ToolCall> ToolCalls,
    TokenUsage? Usage = null,
    string? Provider = null,
    string? Model = null,
    string? StopReason = null,
    string? ErrorMessage = null,
    string? ToolName = null,
    bool IsError = false,
    string? EntryId = null) : TranscriptRecord(TimestampMs);
