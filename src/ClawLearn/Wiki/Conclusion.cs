namespace ClawLearn.Wiki;

/// <summary>
/// The gist of what an assistant concluded at the end of a run (or a compaction summary), at most a sentence or two,
/// redacted. <see cref="Ambiguous"/> when the run was aborted or ended in an error.
/// </summary>
public sealed record Conclusion(long? TimestampMs, string Text, bool Ambiguous);
