using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>
/// An agent as the context-health and sessions pages need it: its name (from <c>openclaw.json</c>, the only thing read
/// from it besides <c>bootstrapMaxChars</c>), its bootstrap files and MEMORY.md sections with their costs, and the
/// learning store's evidence when there is one, and the session index the session names come from.
/// </summary>
public sealed record AgentSnapshot(
    string Id,
    string? Name,
    bool IsDefault,
    bool WorkspaceExists,
    int BootstrapMaxChars,
    IReadOnlyList<FileCost> Files,
    IReadOnlyList<string> MissingFiles,
    string? MemoryFile,
    IReadOnlyList<SectionCost> Sections,
    LearningEvidence? Evidence,
    string? IndexRef = null)
{
    [JsonIgnore]
    public string Label => Name is { Length: > 0 } n && n != Id ? $"{Id} ({n})" : Id;
}
