namespace ClawLearn.Wiki;

/// <summary>
/// A project page in the making: its MEMORY.md subsections, its <c>memory/projects/</c> note, the daily-note sections
/// and sessions that talk about it, DREAMS.md reflections that name it, and the topic pages that list it.
/// </summary>
public sealed class ProjectSpec(string slug, string title)
{
    public string Slug { get; } = slug;
    public string Title { get; } = title;
    public List<MemoryPart> Memory { get; } = [];
    public List<WorkspaceDoc> Notes { get; } = [];
    public List<NotePart> Daily { get; } = [];
    public List<SessionFacts> Sessions { get; } = [];
    public List<Reflection> Reflections { get; } = [];
    public List<string> Topics { get; } = [];
}
