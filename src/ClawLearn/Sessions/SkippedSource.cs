namespace ClawLearn.Sessions;

/// <summary>A transcript source that was found but not read, and why (a duplicate, an unreadable store…).</summary>
public sealed record SkippedSource(SessionSource Source, string Reason);
