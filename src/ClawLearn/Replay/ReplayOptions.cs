using ClawLearn.Learning;

namespace ClawLearn.Replay;

/// <summary>How a replay runs.</summary>
public readonly record struct ReplayOptions
{
    public ReplayOptions() { }

    public LearningConfig Learning { get; init; } = new();
    /// <summary>Runs that keep the full prompt before any policy may leave arms out (they still teach). Default 0.</summary>
    public int PhaseInAfter { get; init; }
    /// <summary>How many time windows the report splits the replay into. Default 10.</summary>
    public int Windows { get; init; } = 10;
    public int Seed { get; init; } = 1;
    /// <summary>Learn one posterior per arm (default), or per arm and channel or model; each run uses its own.</summary>
    public ContextPartition PartitionBy { get; init; }
    public IReadOnlyList<ReplayPolicy> Policies { get; init; } = [ReplayPolicy.Thompson, ReplayPolicy.GreedyByMean, ReplayPolicy.Random];
}
