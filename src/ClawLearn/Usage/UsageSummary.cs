namespace ClawLearn.Usage;

/// <summary>A usage report: its lines (sessions by last activity, or days in order) and the totals over all of them.</summary>
public sealed record UsageSummary(UsageGrouping By, IReadOnlyList<UsageLine> Lines, UsageLine Totals);
