using Microsoft.Data.Sqlite;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// Writes an OpenClaw 2026.8 per-agent store (<c>agents/&lt;id&gt;/agent/openclaw-agent.sqlite</c>): events in
/// <c>transcript_events</c>, one <c>session_windows</c> row per session and, for most, a <c>session_nodes</c> row
/// holding its session entry. The DDL is the test fixture's (tests/…/StateDirFixture.Stores.cs), copied because
/// the bench must not depend on the test project. WAL like a live gateway, without fsyncs while generating.
/// </summary>
internal sealed class AgentSqliteStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE transcript_events(session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT NOT NULL, created_at INTEGER, PRIMARY KEY(session_id, seq));
        CREATE TABLE session_windows(session_id TEXT PRIMARY KEY, session_key TEXT, previous_session_id TEXT, reason TEXT, created_at INTEGER, updated_at INTEGER, channel TEXT, chat_type TEXT, model_provider TEXT, model TEXT, display_name TEXT);
        CREATE TABLE session_nodes(session_key TEXT PRIMARY KEY, current_session_id TEXT, entry_json TEXT, updated_at INTEGER, created_via TEXT, label TEXT, display_name TEXT);
        CREATE TABLE message_tool_run_outcomes(run_id TEXT, session_key TEXT, agent_id TEXT, provider TEXT, model TEXT, outcome TEXT, run_status TEXT, occurred_at INTEGER);
        """;

    // A transaction per ~64 MB of events keeps the WAL file from growing to the size of the store.
    private const long CommitEveryBytes = 64L * 1024 * 1024;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertEvent;
    private SqliteTransaction _transaction;
    private long _sinceCommit;

    public AgentSqliteStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        Exec(Schema);
        _transaction = _connection.BeginTransaction();
        _insertEvent = _connection.CreateCommand();
        _insertEvent.CommandText = "INSERT INTO transcript_events(session_id, seq, event_json, created_at) VALUES ($s, $q, $j, $c)";
        foreach (var name in new[] { "$s", "$q", "$j", "$c" }) _insertEvent.Parameters.Add(new SqliteParameter { ParameterName = name });
        _insertEvent.Transaction = _transaction;
        _insertEvent.Prepare();
    }

    /// <summary>A sink for one session's events; sessions are written one after another.</summary>
    public IEventSink Session(string sessionId) => new Sink(this, sessionId);

    public void AddWindow(PlannedSession s, long createdMs, long updatedMs)
    {
        using var command = Command("""
            INSERT INTO session_windows(session_id, session_key, reason, created_at, updated_at, channel, chat_type, model_provider, model, display_name)
            VALUES ($s, $k, 'initial', $c, $u, $ch, $ct, $p, $m, $d)
            """);
        command.Parameters.AddWithValue("$s", s.SessionId);
        command.Parameters.AddWithValue("$k", s.Key);
        command.Parameters.AddWithValue("$c", createdMs);
        command.Parameters.AddWithValue("$u", updatedMs);
        command.Parameters.AddWithValue("$ch", (object?)s.Channel ?? DBNull.Value);
        command.Parameters.AddWithValue("$ct", s.ChatType);
        command.Parameters.AddWithValue("$p", s.Model.Provider);
        command.Parameters.AddWithValue("$m", s.Model.Model);
        command.Parameters.AddWithValue("$d", s.Channel is null ? DBNull.Value : $"{s.Channel}:{s.Kind.ToString().ToLowerInvariant()}-{s.Index}");
        command.ExecuteNonQuery();
    }

    public void AddNode(PlannedSession s, string entryJson, long updatedMs)
    {
        using var command = Command("""
            INSERT INTO session_nodes(session_key, current_session_id, entry_json, updated_at, created_via)
            VALUES ($k, $s, $e, $u, $v)
            """);
        command.Parameters.AddWithValue("$k", s.Key);
        command.Parameters.AddWithValue("$s", s.SessionId);
        command.Parameters.AddWithValue("$e", entryJson);
        command.Parameters.AddWithValue("$u", updatedMs);
        command.Parameters.AddWithValue("$v", s.Channel is null ? s.Kind.ToString().ToLowerInvariant() : "channel");
        command.ExecuteNonQuery();
    }

    private void AddEvent(string sessionId, long seq, ReadOnlySpan<byte> line, long timestampMs)
    {
        _insertEvent.Parameters[0].Value = sessionId;
        _insertEvent.Parameters[1].Value = seq;
        // As text, like the gateway's JSON.stringify output, so typeof(event_json) is 'text' as in real stores.
        _insertEvent.Parameters[2].Value = System.Text.Encoding.UTF8.GetString(line);
        _insertEvent.Parameters[3].Value = timestampMs;
        _insertEvent.ExecuteNonQuery();
        _sinceCommit += line.Length;
        if (_sinceCommit < CommitEveryBytes) return;
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        _insertEvent.Transaction = _transaction;
        _sinceCommit = 0;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _transaction.Commit();
        _transaction.Dispose();
        _insertEvent.Dispose();
        // Fold the WAL back into the database so the corpus is one file, as a gateway leaves it when idle.
        Exec("PRAGMA wal_checkpoint(TRUNCATE);");
        _connection.Dispose();
    }

    private sealed class Sink(AgentSqliteStore store, string sessionId) : IEventSink
    {
        private long _seq;

        public long Written { get; private set; }

        public void Add(ReadOnlySpan<byte> line, long timestampMs)
        {
            store.AddEvent(sessionId, ++_seq, line, timestampMs);
            Written += line.Length;
        }
    }
}
