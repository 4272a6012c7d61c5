namespace ClawLearn.Transcripts;

/// <summary>
/// Streams a JSONL transcript line by line into records. Bad lines are skipped and counted in the stats;
/// reading never fails because of the content. Memory is bounded by the line limit, not the file size.
/// </summary>
public static class JsonlTranscriptReader
{
    public static IEnumerable<TranscriptRecord> Read(Stream stream, TranscriptReadStats stats, LineReaderOptions options = default,
        long startOffset = 0) => ReadPositioned(stream, stats, options, startOffset).Select(r => r.Record);

    /// <summary>Like <see cref="Read"/>, with the byte offset where each record's line starts.</summary>
    public static IEnumerable<(TranscriptRecord Record, long Position)> ReadPositioned(Stream stream, TranscriptReadStats stats,
        LineReaderOptions options = default, long startOffset = 0)
    {
        options = options == default ? new LineReaderOptions() : options;
        using var framer = new LineFramer(stream, startOffset, options);
        stats.ConsumedBytes = startOffset;
        long lineNumber = 0;
        while (framer.Next(out var line, out var lineOffset, out var status))
        {
            lineNumber++;
            if (status is LineStatus.TooLong or LineStatus.TooLongUnterminated)
            {
                stats.Lines++;
                stats.Skip(SkipReason.LineTooLong, lineNumber);
                // An unterminated one may still be growing: a later read starts at its beginning again.
                if (status == LineStatus.TooLong) stats.ConsumedBytes = framer.Position;
                continue;
            }
            if (IsBlank(line.Span))
            {
                if (status == LineStatus.Complete) stats.ConsumedBytes = framer.Position;
                continue;
            }
            stats.Lines++;
            var outcome = TranscriptLineParser.Parse(line, options);
            if (outcome.Skip is { } reason)
            {
                // An unterminated last line that does not parse is most likely still being written:
                // it is left unconsumed so a later read picks it up once it is complete.
                if (status == LineStatus.Unterminated)
                {
                    stats.Skip(SkipReason.PartialLastLine, lineNumber);
                    continue;
                }
                stats.Skip(reason, lineNumber);
                stats.ConsumedBytes = framer.Position;
                continue;
            }
            stats.ConsumedBytes = framer.Position;
            if (Count(outcome, stats) is { } record) yield return (record, lineOffset);
        }
    }

    internal static TranscriptRecord? Count(LineOutcome outcome, TranscriptReadStats stats)
    {
        if (outcome.Dropped)
        {
            stats.Dropped++;
            return null;
        }
        var record = outcome.Record!;
        if (record is Turn) stats.Turns++;
        else stats.Metadata++;
        stats.SawTime(record.TimestampMs);
        return record;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }
}
