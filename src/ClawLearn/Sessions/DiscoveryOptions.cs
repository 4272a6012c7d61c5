namespace ClawLearn.Sessions;

/// <summary>What session discovery looks at.</summary>
public readonly record struct DiscoveryOptions
{
    public DiscoveryOptions() { }

    /// <summary>Also read <c>*.jsonl.deleted.*</c> and <c>*.jsonl.reset.*</c> archives. Default false.</summary>
    public bool IncludeArchived { get; init; }

    /// <summary>Only this agent (normalised id); null for all agents.</summary>
    public string? AgentId { get; init; }

    /// <summary>
    /// Session ids already known for files that have not changed since (path, size, modified ticks): a warm ingest
    /// then opens no unchanged transcript just to read its header again.
    /// </summary>
    public Func<string, long, long, string?>? KnownSessionId { get; init; }

    /// <summary>Index reads already started (<see cref="SessionDiscovery.StartIndexReads"/>), by agent id; null to start them.</summary>
    public IReadOnlyDictionary<string, Task<SessionIndex>>? IndexReads { get; init; }
}
