namespace ClawLearn.Workspace;

/// <summary>An agent's workspace as OpenClaw would inject it, plus the memory files around it.</summary>
public sealed record AgentWorkspace(
    string Path,
    bool Exists,
    IReadOnlyList<BootstrapFile> BootstrapFiles,
    IReadOnlyList<string> MissingBootstrapFiles,
    BootstrapFile? MemoryFile,
    IReadOnlyList<MemorySection> MemorySections,
    IReadOnlyList<DailyNote> DailyNotes,
    IReadOnlyList<string> OtherMemoryNotes,
    string? DreamsPath)
{
    public static AgentWorkspace Missing(string path) => new(path, false, [], BootstrapFileNames.InPriorityOrder.Take(7).ToList(), null, [], [], [], null);
}
