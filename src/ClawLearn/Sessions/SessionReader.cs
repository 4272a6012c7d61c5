using ClawLearn.StateDir;
using ClawLearn.Transcripts;

namespace ClawLearn.Sessions;

/// <summary>
/// Reads the records of discovered sessions, whatever their source. SQLite stores are opened once and
/// reused across sessions; dispose the reader to close them.
/// </summary>
public sealed class SessionReader(SafeFileAccess files, LineReaderOptions options = default) : IDisposable
{
    private readonly Dictionary<string, SqliteTranscriptStore> _stores = new(StringComparer.Ordinal);
    private readonly LineReaderOptions _options = options == default ? new LineReaderOptions() : options;

    /// <summary>
    /// Streams a session's records; <paramref name="stats"/> fills in as the enumeration proceeds. Reading resumes
    /// after <paramref name="resumeFrom"/>: a byte offset for files, a <c>seq</c> for SQLite (null: from the start).
    /// </summary>
    public IEnumerable<TranscriptRecord> Read(SessionSource source, TranscriptReadStats stats, long? resumeFrom = null) =>
        ReadPositioned(source, stats, resumeFrom).Select(r => r.Record);

    /// <summary>Like <see cref="Read"/>, with each record's position: a line's byte offset, or an event's <c>seq</c>.</summary>
    public IEnumerable<(TranscriptRecord Record, long Position)> ReadPositioned(SessionSource source, TranscriptReadStats stats, long? resumeFrom = null)
    {
        if (source.Kind == SessionSourceKind.Sqlite)
        {
            if (!_stores.TryGetValue(source.Path, out var store))
            {
                store = SqliteTranscriptStore.Open(source.Path, files);
                _stores[source.Path] = store;
            }
            return store.ReadEventsPositioned(source.SessionId, stats, _options, resumeFrom);
        }
        return ReadFile(source.Path, stats, resumeFrom ?? 0);
    }

    private IEnumerable<(TranscriptRecord, long)> ReadFile(string path, TranscriptReadStats stats, long resumeFrom)
    {
        using var stream = files.OpenRead(path);
        foreach (var item in JsonlTranscriptReader.ReadPositioned(stream, stats, _options, resumeFrom)) yield return item;
    }

    public void Dispose()
    {
        foreach (var store in _stores.Values) store.Dispose();
        _stores.Clear();
    }
}
