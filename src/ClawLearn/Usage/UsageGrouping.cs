namespace ClawLearn.Usage;

/// <summary>What one line of a usage report covers.</summary>
public enum UsageGrouping
{
    /// <summary>One session (one transcript, or one session of a SQLite store).</summary>
    Session,
    /// <summary>One UTC day.</summary>
    Day,
}
