using ClawLearn.Workspace;

namespace ClawLearn.Runs;

/// <summary>The prompt components an agent's workspace offers today, with their injected sizes.</summary>
public sealed record AgentInventory(
    IReadOnlyList<BootstrapFile> BootstrapFiles,
    IReadOnlyList<MemorySection> MemorySections,
    IReadOnlyDictionary<DateOnly, int> DailyNoteChars)
{
    public static AgentInventory Empty { get; } = new([], [], new Dictionary<DateOnly, int>());
}
