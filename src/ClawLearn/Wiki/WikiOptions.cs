namespace ClawLearn.Wiki;

/// <summary>What <c>clawlearn wiki</c> was asked to do.</summary>
public readonly record struct WikiOptions(string VaultPath, DateTimeOffset Now)
{
    /// <summary>Re-read every source and rewrite every page, ignoring what the manifest and cache remember.</summary>
    public bool Full { get; init; }

    /// <summary>Only this agent (normalised id); null for every agent.</summary>
    public string? AgentId { get; init; }

    /// <summary>
    /// The learning store tool and skill pages take their evidence from, as <c>--db</c> names it (a SQLite file, or a
    /// PostgreSQL URL); null for the default per-agent files under the state directory.
    /// </summary>
    public string? LearningStore { get; init; }
}
