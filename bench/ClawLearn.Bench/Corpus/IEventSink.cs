namespace ClawLearn.Bench.Corpus;

/// <summary>Where one session's events go: a JSONL file, or rows of an agent's SQLite store.</summary>
internal interface IEventSink
{
    /// <summary>Bytes written so far (lines and their newlines for a file, <c>event_json</c> bytes for SQLite).</summary>
    long Written { get; }

    void Add(ReadOnlySpan<byte> line, long timestampMs);
}
