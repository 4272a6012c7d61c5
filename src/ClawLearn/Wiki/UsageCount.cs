namespace ClawLearn.Wiki;

/// <summary>How many runs of a session used a tool or skill in one month (<c>yyyy-MM</c>).</summary>
public sealed record UsageCount(string Name, string Month, int Runs);
