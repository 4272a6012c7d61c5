namespace ClawLearn.Replay;

/// <summary>The policies a replay compares, all under the same budget.</summary>
public enum ReplayPolicy
{
    /// <summary>Thompson sampling (with seeds, exploration and baseline runs), as <c>clawlearn select</c> does.</summary>
    Thompson,
    /// <summary>Seeds, then arms by posterior mean, packed greedily: exploits, never explores.</summary>
    GreedyByMean,
    /// <summary>Arms in a random order, packed greedily: what a budget alone, without learning, would do.</summary>
    Random,
}
