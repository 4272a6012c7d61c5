namespace ClawLearn.Transcripts;

/// <summary>
/// One tool call. <see cref="ArgumentsText"/> is every string value of the arguments joined by newlines,
/// unescaped: that is the text reference detection searches for file names and memory lines.
/// </summary>
public sealed record ToolCall(string? Id, string Name, string ArgumentsText);
