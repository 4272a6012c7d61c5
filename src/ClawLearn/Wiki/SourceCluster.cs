namespace ClawLearn.Wiki;

/// <summary>
/// What a topic or project page is built from, whatever its kind: the MEMORY.md sections (across agents), the notes named
/// after it, and the daily-note sections about it.
/// </summary>
public abstract class SourceCluster(string slug, string title)
{
    public string Slug { get; } = slug;
    public string Title { get; } = title;
    public List<MemoryPart> Memory { get; } = [];
    public List<WorkspaceDoc> Notes { get; } = [];
    public List<NotePart> Daily { get; } = [];
}
