namespace ClawLearn.StateDir;

/// <summary>Where one agent's history lives, and where its workspace is.</summary>
public sealed record AgentLayout(
    string Id,
    bool IsDefault,
    bool InConfig,
    string SessionsDir,
    string SessionIndexPath,
    string SqlitePath,
    string WorkspacePath,
    WorkspaceSource WorkspaceSource);
