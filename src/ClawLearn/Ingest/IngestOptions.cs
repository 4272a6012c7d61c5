using ClawLearn.Learning;
using ClawLearn.Transcripts;

namespace ClawLearn.Ingest;

/// <summary>What an ingest reads and how.</summary>
public readonly record struct IngestOptions
{
    public IngestOptions() { }

    /// <summary>Only this agent; null for every agent.</summary>
    public string? AgentId { get; init; }
    public bool IncludeArchived { get; init; }
    /// <summary>Forget every cursor and read all history again.</summary>
    public bool Full { get; init; }
    public LearningConfig Learning { get; init; } = new();
    public LineReaderOptions Lines { get; init; } = new();
}
