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

    public AgentSnapshot? Agent(string id) => Agents.FirstOrDefault(a => a.Id == id);

    public WorkspaceDoc? MemoryOf(string agentId) => Memory.FirstOrDefault(m => m.AgentId == agentId);

    public IEnumerable<SessionFacts> SessionsOf(string agentId) => Sessions.Where(s => s.AgentId == agentId);

    /// <summary>Whether pages should name the agent: only when more than one contributes.</summary>
    public bool ManyAgents => Agents.Count > 1;

    /// <summary>" (research)" after a non-default agent's items when there are several agents; "" otherwise.</summary>
    public string AgentSuffix(string agentId) => ManyAgents && Agent(agentId) is { IsDefault: false } or null ? $" ({agentId})" : "";

    private int AgentOrder(string id) => Agents.ToList().FindIndex(a => a.Id == id) is var i and >= 0 ? i : int.MaxValue;
}
