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
/// <remarks>
/// Read for run facts only (as ingest reads), a turn's <see cref="Text"/> and its calls' arguments are empty and
/// <see cref="Decoded"/> holds them instead, until the reader reads the next line.
/// </remarks>
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
    string? EntryId = null) : TranscriptRecord(TimestampMs)
{
    /// <summary>
    /// Read for run facts only: the assistant text and each tool call's arguments, in a buffer the parser reuses for
    /// its next line. Use them before reading on; null when the turn carries them as strings.
    /// </summary>
    internal DecodedText? Decoded { get; init; }
}
