namespace ClawLearn.Wiki;

/// <summary>
/// A topic page in the making: a MEMORY.md <c>##</c> heading, a note's name, or a daily-note heading. A topic that only
/// daily notes know is <see cref="Recurring"/>: it exists because its heading came back on several days.
/// </summary>
public sealed class TopicSpec(string slug, string title) : SourceCluster(slug, title)
{
    /// <summary>The projects a projects section lists.</summary>
    public List<string> Projects { get; } = [];

    public bool Recurring => Memory.Count == 0 && Notes.Count == 0;
}
