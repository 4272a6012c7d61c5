namespace ClawLearn.Transcripts;

/// <summary>What one line became: a record, a dropped message, nothing of interest, or a skip.</summary>
internal readonly record struct LineOutcome(TranscriptRecord? Record, SkipReason? Skip, bool Dropped)
{
    public static LineOutcome Of(TranscriptRecord record) => new(record, null, false);
    public static LineOutcome Skipped(SkipReason reason) => new(null, reason, false);
    public static LineOutcome Drop => new(null, null, true);
}
