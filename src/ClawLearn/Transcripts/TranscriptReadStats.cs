namespace ClawLearn.Transcripts;

/// <summary>What reading one transcript source saw: lines, turns, drops, and skipped lines by reason.</summary>
public sealed class TranscriptReadStats
{
    private readonly Dictionary<SkipReason, int> _skipped = [];
    private readonly Dictionary<SkipReason, long> _firstSkippedLine = [];

    public long Lines { get; internal set; }
    public long Turns { get; internal set; }
    public long Metadata { get; internal set; }

    /// <summary>Delivery-mirror and injected assistant messages, dropped before anything else.</summary>
    public long Dropped { get; internal set; }

    public long? FirstTimestampMs { get; private set; }
    public long? LastTimestampMs { get; private set; }

    /// <summary>Byte offset just past the last line that was fully consumed (JSONL sources).</summary>
    public long ConsumedBytes { get; internal set; }

    /// <summary>The last <c>seq</c> read (SQLite sources), or null when none was.</summary>
    public long? LastSeq { get; internal set; }

    public IReadOnlyDictionary<SkipReason, int> Skipped => _skipped;

    /// <summary>The 1-based line (or SQLite seq) of the first line skipped for each reason.</summary>
    public IReadOnlyDictionary<SkipReason, long> FirstSkippedLine => _firstSkippedLine;

    public int SkippedTotal => _skipped.Values.Sum();

    internal void Skip(SkipReason reason, long lineNumber)
    {
        _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
        _firstSkippedLine.TryAdd(reason, lineNumber);
    }

    internal void SawTime(long? ms)
    {
        if (ms is not { } t) return;
        if (FirstTimestampMs is null || t < FirstTimestampMs) FirstTimestampMs = t;
        if (LastTimestampMs is null || t > LastTimestampMs) LastTimestampMs = t;
    }
}
