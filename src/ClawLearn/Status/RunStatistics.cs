using ClawLearn.Learning;

namespace ClawLearn.Status;

/// <summary>
/// Counts, token totals, time range and the baseline-versus-selected comparison of a set of traces, added one at a
/// time (any order). Unlike the reference (learning-layer 2.7), a run without usage still counts as a run; it only
/// stays out of the token averages.
/// </summary>
public sealed class RunStatistics
{
    private readonly Group _baseline = new();
    private readonly Group _selected = new();

    private sealed class Group
    {
        public long Runs, RunsWithUsage, Tokens, RunsWithDuration, DurationMs;
        public double? AvgTokens => RunsWithUsage > 0 ? (double)Tokens / RunsWithUsage : null;
        public double? AvgDurationMs => RunsWithDuration > 0 ? (double)DurationMs / RunsWithDuration : null;
    }

    public long TraceCount { get; private set; }
    public long TotalTokens { get; private set; }
    public long? MinTimestamp { get; private set; }
    public long? MaxTimestamp { get; private set; }
    public long BaselineRuns => _baseline.Runs;
    public long SelectedRuns => _selected.Runs;
    public double? BaselineAvgTokens => _baseline.AvgTokens;
    public double? SelectedAvgTokens => _selected.AvgTokens;
    public double? BaselineAvgDurationMs => _baseline.AvgDurationMs;
    public double? SelectedAvgDurationMs => _selected.AvgDurationMs;

    /// <summary>(baseline − selected) / baseline × 100, unrounded; null unless both averages exist and baseline &gt; 0.</summary>
    public double? TokenSavingsPercent => BaselineAvgTokens is { } b && SelectedAvgTokens is { } s && b > 0 ? (b - s) / b * 100 : null;

    public void Add(RunTrace trace)
    {
        TraceCount++;
        MinTimestamp = MinTimestamp is { } min ? Math.Min(min, trace.Timestamp) : trace.Timestamp;
        MaxTimestamp = MaxTimestamp is { } max ? Math.Max(max, trace.Timestamp) : trace.Timestamp;
        var group = trace.IsBaseline ? _baseline : _selected;
        group.Runs++;
        if (trace.Usage is { } usage)
        {
            TotalTokens = Saturating.Add(TotalTokens, usage.Total);
            group.Tokens = Saturating.Add(group.Tokens, usage.Total);
            group.RunsWithUsage++;
        }
        if (trace.DurationMs is { } duration)
        {
            group.DurationMs = Saturating.Add(group.DurationMs, duration);
            group.RunsWithDuration++;
        }
    }
}
