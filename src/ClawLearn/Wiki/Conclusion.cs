namespace ClawLearn.Wiki;

/// <summary>
/// What a run (or a compaction or abandoned branch) came to, in this tool's words: the projects it named and the tools
/// it used, never the conversation's own text. <see cref="Ambiguous"/> when the run was aborted or ended in an error.
/// </summary>
public sealed record Conclusion(long? TimestampMs, string Text, bool Ambiguous);
