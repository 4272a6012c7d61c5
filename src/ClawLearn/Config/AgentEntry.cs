namespace ClawLearn.Config;

/// <summary>One entry of <c>agents.list[]</c>, reduced to what ingest needs.</summary>
public sealed record AgentEntry(string Id, bool IsDefault, string? Workspace, string? AgentDir, string? Name);
