namespace ClawLearn.Wiki;

/// <summary>
/// A topic page in the making: the MEMORY.md <c>##</c> sections of that name (across agents), other notes of that
/// name, and daily-note sections whose heading is that topic. A topic that only daily notes know is
/// <see cref="Recurring"/>: it exists because its heading came back on several days.
/// </summary>
public sealed class TopicSpec(string slug, string title)
{
    public string Slug { get; } = slug;
    public string Title { get; } = title;
    public List<MemoryPart> Memory { get; } = [];
    public List<WorkspaceDoc> Notes { get; } = [];
    public List<NotePart> Daily { get; } = [];
    public List<string> Projects { get; } = [];
    public bool Recurring => Memory.Count == 0 && Notes.Count == 0;
}
