namespace ClawLearn.Wiki;

/// <summary>
/// A workspace markdown source as the wiki keeps it: which agent, what kind, its date (daily notes and hook
/// summaries), its name (the project or topic a note is about) and its outline, already redacted.
/// </summary>
public sealed record WorkspaceDoc(string Key, string Ref, string AgentId, NoteKind Kind, DateOnly? Date, string Name, Outline Outline);
