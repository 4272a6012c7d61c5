namespace ClawLearn.Wiki;

/// <summary>
/// The cache arranged for page building: agents (default first), documents by kind, sessions newest first, and the
/// date the newest daily note carries, which is what "recent" means in this vault (never the wall clock: pages are a
/// function of the sources alone).
/// </summary>
public sealed class WikiModel
{
    public WikiModel(WikiCache cache)
    {
        Agents = cache.Agents.Values.OrderByDescending(a => a.IsDefault).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var docs = cache.Documents.Values.OrderBy(d => d.Date).ThenBy(d => AgentOrder(d.AgentId)).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
        Memory = docs.Where(d => d.Kind == NoteKind.Memory).ToList();
        Dailies = docs.Where(d => d.Kind == NoteKind.Daily).ToList();
        Dreams = docs.Where(d => d.Kind == NoteKind.Dreams).ToList();
        SessionSummaries = docs.Where(d => d.Kind == NoteKind.SessionSummary).ToList();
        ProjectNotes = docs.Where(d => d.Kind == NoteKind.Project).ToList();
        OtherNotes = docs.Where(d => d.Kind == NoteKind.Other).ToList();
        Sessions = cache.Sessions.Values
            .OrderByDescending(s => s.LastMs ?? s.FirstMs ?? long.MinValue).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        NewestNote = Dailies.Select(d => d.Date).Concat(SessionSummaries.Select(d => d.Date)).Max();
    }

    public IReadOnlyList<AgentSnapshot> Agents { get; }
    public IReadOnlyList<WorkspaceDoc> Memory { get; }
    public IReadOnlyList<WorkspaceDoc> Dailies { get; }
    public IReadOnlyList<WorkspaceDoc> Dreams { get; }
    public IReadOnlyList<WorkspaceDoc> SessionSummaries { get; }
    public IReadOnlyList<WorkspaceDoc> ProjectNotes { get; }
    public IReadOnlyList<WorkspaceDoc> OtherNotes { get; }

    /// <summary>Sessions, most recent first.</summary>
    public IReadOnlyList<SessionFacts> Sessions { get; }

    public DateOnly? NewestNote { get; }

    /// <summary>The sessions that used a tool, with that tool's usage counts, most recent first.</summary>
    public IReadOnlyList<(SessionFacts Session, List<UsageCount> Usage)> ToolUses(string name) =>
        (_toolUses ??= UsesByName(s => s.Tools)).GetValueOrDefault(name) ?? [];

    /// <summary>The sessions that read a skill, with that skill's usage counts, most recent first.</summary>
    public IReadOnlyList<(SessionFacts Session, List<UsageCount> Usage)> SkillUses(string name) =>
        (_skillUses ??= UsesByName(s => s.Skills)).GetValueOrDefault(name) ?? [];

    /// <summary>The sessions whose prompt listed a skill, most recent first.</summary>
    public IReadOnlyList<SessionFacts> SessionsListing(string skill) =>
        (_listing ??= Sessions.SelectMany(s => s.Label.ReportSkills.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Session: s)))
            .GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Session).ToList(), StringComparer.Ordinal))
        .GetValueOrDefault(skill) ?? [];

    // Built once per vault, on first use: a tool or skill page used to search every session for its name, so thousands of
    // tools made the wiki a square of them (20,000 tools: 7.8 s).
    private Dictionary<string, List<(SessionFacts, List<UsageCount>)>>? _toolUses, _skillUses;
    private Dictionary<string, List<SessionFacts>>? _listing;

    private Dictionary<string, List<(SessionFacts, List<UsageCount>)>> UsesByName(Func<SessionFacts, IReadOnlyList<UsageCount>> usageOf)
    {
        var byName = new Dictionary<string, List<(SessionFacts, List<UsageCount>)>>(StringComparer.Ordinal);
        foreach (var session in Sessions)
        {
            foreach (var group in usageOf(session).GroupBy(u => u.Name, StringComparer.Ordinal))
            {
                if (!byName.TryGetValue(group.Key, out var uses)) byName[group.Key] = uses = [];
                uses.Add((session, group.ToList()));
            }
        }
        return byName;
    }

    public AgentSnapshot? Agent(string id) => Agents.FirstOrDefault(a => a.Id == id);

    public WorkspaceDoc? MemoryOf(string agentId) => Memory.FirstOrDefault(m => m.AgentId == agentId);

    public IEnumerable<SessionFacts> SessionsOf(string agentId) => Sessions.Where(s => s.AgentId == agentId);

    /// <summary>Whether pages should name the agent: only when more than one contributes.</summary>
    public bool ManyAgents => Agents.Count > 1;

    /// <summary>" (research)" after a non-default agent's items when there are several agents; "" otherwise.</summary>
    public string AgentSuffix(string agentId) => ManyAgents && Agent(agentId) is { IsDefault: false } or null ? $" ({agentId})" : "";

    private int AgentOrder(string id) => Agents.ToList().FindIndex(a => a.Id == id) is var i and >= 0 ? i : int.MaxValue;
}
