namespace ClawLearn.StateDir;

/// <summary>How an agent's workspace path was chosen (trace-contract section 2).</summary>
public enum WorkspaceSource
{
    /// <summary><c>agents.list[i].workspace</c>.</summary>
    AgentConfig,
    /// <summary><c>agents.defaults.workspace</c> (default agent only).</summary>
    DefaultsConfig,
    /// <summary><c>&lt;state dir&gt;/workspace[-id]</c>, for a relocated state directory.</summary>
    StateDir,
    /// <summary><c>~/.openclaw/workspace[-id]</c>, OpenClaw's own default.</summary>
    HomeDefault,
}
