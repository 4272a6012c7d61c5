namespace ClawLearn.Wiki;

/// <summary>
/// Everything the pages are built from, as the last run extracted it (<c>.clawlearn/wiki-cache.json</c> in the vault):
/// agents, workspace documents and session facts, all redacted. A run re-reads only the sources that changed and the
/// agents it was asked for; the rest comes from here, so pages are a pure function of this and the clock.
/// </summary>
public sealed record WikiCache(
    int Version,
    Dictionary<string, AgentSnapshot> Agents,
    Dictionary<string, WorkspaceDoc> Documents,
    Dictionary<string, SessionFacts> Sessions)
{
    /// <summary>
    /// Bumped whenever what is extracted changes, so an older cache is rebuilt rather than misread. Version 2: session
    /// titles and conclusions no longer hold transcript text, which a version 1 cache still does.
    /// </summary>
    public const int CurrentVersion = 2;

    /// <summary>
    /// Every page path this tool generated and has not removed: only these may ever be deleted. A page of the user's or
    /// another tool's (an Obsidian copy of a generated page, say) has markers too, but is not on this list.
    /// </summary>
    public List<string> Pages { get; init; } = [];

    public static WikiCache Empty() => new(CurrentVersion, [], [], []);
}
