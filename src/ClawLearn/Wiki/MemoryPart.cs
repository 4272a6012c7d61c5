namespace ClawLearn.Wiki;

/// <summary>A MEMORY.md section (or project subsection) of one agent, as a topic or project page shows it.</summary>
public sealed record MemoryPart(string AgentId, string Ref, OutlineSection Section);
