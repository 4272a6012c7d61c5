namespace ClawLearn.Workspace;

/// <summary>
/// Bootstrap files in the seed's priority order (trace-contract section 6): AGENTS 10, SOUL 20, IDENTITY 30,
/// USER 40, TOOLS 50, HEARTBEAT 55, BOOTSTRAP 60, MEMORY.md 70, memory.md 71.
/// </summary>
public static class BootstrapFileNames
{
    public static IReadOnlyList<string> InPriorityOrder { get; } =
        ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "TOOLS.md", "HEARTBEAT.md", "BOOTSTRAP.md", "MEMORY.md", "memory.md"];

    /// <summary>Sub-agent sessions receive only these two.</summary>
    public static bool IsSubagentFile(string name) => name is "AGENTS.md" or "TOOLS.md";

    public static bool IsMemoryFile(string name) => name is "MEMORY.md" or "memory.md";
}
