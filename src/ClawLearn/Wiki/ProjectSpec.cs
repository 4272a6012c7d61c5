namespace ClawLearn.Wiki;

/// <summary>
/// A project page in the making: besides memory and notes, the sessions that worked on it, DREAMS.md reflections that
/// name it, and the topic pages that list it.
/// </summary>
public sealed class ProjectSpec(string slug, string title) : SourceCluster(slug, title)
{
    public List<SessionFacts> Sessions { get; } = [];
    public List<Reflection> Reflections { get; } = [];
    public List<string> Topics { get; } = [];
}
