using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Storage;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Transcripts;

/// <summary>
/// Reads OpenClaw's per-agent SQLite store (<c>agents/&lt;id&gt;/agent/openclaw-agent.sqlite</c>, trace-contract
/// section 9) read-only. Events come in <c>(session_id, seq)</c> order in keyset pages, each page its own short
/// read, so a live gateway writing through WAL is never blocked for long; a busy database is retried.
/// </summary>
public sealed class SqliteTranscriptStore : IDisposable
{
    public const int PageSize = 2000;
    private const int BusyRetries = 20;

    private readonly SqliteConnection _connection;
    private readonly HashSet<string> _tables;

    private SqliteTranscriptStore(SqliteConnection connection, HashSet<string> tables)
    {
        _connection = connection;
        _tables = tables;
    }

    public string Path => _connection.DataSource;

    public static SqliteTranscriptStore Open(string path, SafeFileAccess files)
    {
        var connection = files.OpenSqliteReadOnly(path);
        try
        {
            var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            WithRetry(() =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                using var reader = command.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
                return 0;
            });
            return new SqliteTranscriptStore(connection, tables);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public bool HasTranscripts => _tables.Contains("transcript_events");

    /// <summary>Every session with events, with its metadata; sorted by session id.</summary>
    public IReadOnlyList<SqliteSessionWindow> ListSessions(string agentId)
    {
        if (!HasTranscripts) return [];
        var counts = new List<(string Id, long Count)>();
        WithRetry(() =>
        {
            counts.Clear();
            using var command = _connection.CreateCommand();
            // An event with no session id belongs to no session (and GetString would throw on it).
            command.CommandText = "SELECT session_id, COUNT(*) FROM transcript_events WHERE session_id IS NOT NULL GROUP BY session_id ORDER BY session_id";
            using var reader = command.ExecuteReader();
            while (reader.Read()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
            return 0;
        });
        var windows = ReadWindows();
        var nodes = ReadNodes(agentId);
        return counts.Select(c =>
        {
            windows.TryGetValue(c.Id, out var w);
            nodes.TryGetValue(c.Id, out var node);
            return new SqliteSessionWindow(c.Id, c.Count, w?.Key ?? node?.Key, w?.Channel, w?.Provider, w?.Model, w?.Display,
                w?.Created, node);
        }).ToList();
    }

    /// <summary>The events of one session in <c>seq</c> order, parsed like transcript lines.</summary>
    public IEnumerable<TranscriptRecord> ReadEvents(string sessionId, TranscriptReadStats stats, LineReaderOptions options = default,
        long? afterSeq = null) => ReadEventsPositioned(sessionId, stats, options, afterSeq).Select(r => r.Record);

    /// <summary>Like <see cref="ReadEvents"/>, with each record's <c>seq</c>.</summary>
    public IEnumerable<(TranscriptRecord Record, long Position)> ReadEventsPositioned(string sessionId, TranscriptReadStats stats,
        LineReaderOptions options = default, long? afterSeq = null)
    {
        options = options == default ? new LineReaderOptions() : options;
        var last = afterSeq ?? long.MinValue;
        var page = new EventPage();
        try
        {
            while (true)
            {
                ReadPage(sessionId, last, page, options.MaxLineBytes);
                foreach (var (seq, offset, length) in page.Rows)
                {
                    last = seq;
                    stats.Lines++;
                    if (length > options.MaxLineBytes)
                    {
                        stats.Skip(SkipReason.LineTooLong, seq);
                        continue;
                    }
                    var outcome = TranscriptLineParser.Parse(new ReadOnlyMemory<byte>(page.Bytes, offset, length), options);
                    if (outcome.Skip is { } reason)
                    {
                        stats.Skip(reason, seq);
                        continue;
                    }
                    if (JsonlTranscriptReader.Count(outcome, stats) is { } record) yield return (record, seq);
                }
                if (page.Rows.Count > 0) stats.LastSeq = last;
                if (page.Rows.Count < PageSize) yield break;
            }
        }
        finally
        {
            page.Dispose();
        }
    }

    /// <summary>
    /// One page of events: every event's UTF-8 in one pooled buffer, reused from page to page, and where each lies.
    /// A byte array per event was a seventh of a cold ingest's allocations. An event over the line limit is only
    /// measured (it is skipped and counted), so one runaway event does not leave a huge buffer in the pool.
    /// </summary>
    private sealed class EventPage : IDisposable
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1 << 16);

        public byte[] Bytes => _bytes;
        public List<(long Seq, int Offset, int Length)> Rows { get; } = [];
        private int _used;

        public void Clear()
        {
            _used = 0;
            Rows.Clear();
        }

        // An event's text as the UTF-8 bytes SQLite holds, not decoded to a string and encoded back. Text that is not
        // valid UTF-8 still goes through a string, which replaces each invalid sequence with U+FFFD: the bytes the parser
        // sees are exactly what they were before.
        public void Add(long seq, ReadOnlySpan<byte> raw, int maxBytes)
        {
            if (raw.Length > maxBytes)
            {
                Rows.Add((seq, 0, raw.Length));
                return;
            }
            var text = Utf8.IsValid(raw) ? raw : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(raw));
            PooledArray.Grow(ref _bytes, _used, _used + text.Length);
            text.CopyTo(_bytes.AsSpan(_used));
            Rows.Add((seq, _used, text.Length));
            _used += text.Length;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_bytes);
    }

    private void ReadPage(string sessionId, long afterSeq, EventPage page, int maxBytes) => WithRetry(() =>
    {
        page.Clear();
        var select = _selectPage ??= new Utf8Statement(_connection,
            "SELECT seq, event_json FROM transcript_events WHERE session_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
        select.Text(1, sessionId).Integer(2, afterSeq).Integer(3, PageSize);
        // A null event is an empty line (skipped as such).
        while (select.Next()) page.Add(select.Int64(0), select.Span(1), maxBytes);
        return 0;
    });

    // Prepared once per store (a store is read by one thread at a time, a page at a time).
    private Utf8Statement? _selectPage;

    private sealed record WindowRow(string? Key, string? Channel, string? Provider, string? Model, string? Display, long? Created);

    private Dictionary<string, WindowRow> ReadWindows()
    {
        var result = new Dictionary<string, WindowRow>(StringComparer.Ordinal);
        if (!_tables.Contains("session_windows")) return result;
        var columns = Columns("session_windows");
        string Col(string name) => columns.Contains(name) ? name : "NULL";
        WithRetry(() =>
        {
            result.Clear();
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT session_id, {Col("session_key")}, {Col("channel")}, {Col("model_provider")}, {Col("model")}, {Col("display_name")}, {Col("created_at")} FROM session_windows";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(0)) continue;
                result[reader.GetString(0)] = new WindowRow(Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                    Text(reader, 5), reader.IsDBNull(6) ? null : reader.GetValue(6) is long l ? l : null);
            }
            return 0;
        });
        return result;
    }

    private Dictionary<string, SessionIndexEntry> ReadNodes(string agentId)
    {
        var result = new Dictionary<string, SessionIndexEntry>(StringComparer.Ordinal);
        if (!_tables.Contains("session_nodes")) return result;
        var columns = Columns("session_nodes");
        if (!columns.Contains("entry_json")) return result;
        var names = new StringPool(); // node entries list the same tool and skill names over and over
        WithRetry(() =>
        {
            result.Clear();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT session_key, entry_json FROM session_nodes";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(0) || reader.IsDBNull(1)) continue;
                try
                {
                    if (IndexEntryReader.FromMap(reader.GetString(0), Encoding.UTF8.GetBytes(reader.GetString(1)), agentId, names) is { } entry)
                        result[entry.SessionId] = entry;
                }
                catch (JsonException)
                {
                    // A malformed node entry loses only its metadata; the transcript itself is still read.
                }
            }
            return 0;
        });
        return result;
    }

    private HashSet<string> Columns(string table) => WithRetry(() =>
    {
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var command = _connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info({table})";
        using var reader = command.ExecuteReader();
        while (reader.Read()) columns.Add(reader.GetString(1));
        return columns;
    });

    private static string? Text(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    // SQLITE_BUSY / SQLITE_LOCKED: a live gateway is checkpointing or writing; wait briefly and try again.
    private static T WithRetry<T>(Func<T> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < BusyRetries)
            {
                Thread.Sleep(Math.Min(50 * (attempt + 1), 500));
            }
        }
    }

    public void Dispose()
    {
        _selectPage?.Dispose();
        _connection.Dispose();
    }
}
