namespace ClawLearn.Transcripts;

/// <summary>Why a line was skipped. Skipped lines are counted per file; nothing else in the file is lost.</summary>
public enum SkipReason
{
    /// <summary>The file's last line has no newline and is not valid JSON (a crash mid-append, or a live writer).</summary>
    PartialLastLine,
    InvalidJson,
    InvalidUtf8,
    /// <summary>Longer than the line limit; skipped without being held in memory.</summary>
    LineTooLong,
    NotAnObject,
    /// <summary>A JSON object with neither <c>type</c> nor <c>role</c>.</summary>
    NoTypeOrRole,
}
