using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Usage;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Storage;

/// <summary>The SQLite learning store: one file (per agent by default), WAL, migrated on open.</summary>
public sealed class SqliteLearningStore : ILearningStore
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private SqliteLearningStore(SqliteConnection connection) => _connection = connection;

    public string Path => _connection.DataSource;

    public string Location => Path;

    /// <summary>The page size of a store this creates.</summary>
    public const int PageSize = 16 * 1024;

    /// <summary>How long a statement waits for another process's write lock. Both SQLite's busy handler and the
    /// provider's own retries are given it: with the provider's 30 s over SQLite's 10 s, a request to `serve` waited 30 s
    /// behind an `ingest` instead of the 10 s the README promises.</summary>
    public const int BusyTimeoutSeconds = 10;

    public static SqliteLearningStore Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = BusyTimeoutSeconds }.ToString());
        connection.Open();
        var store = new SqliteLearningStore(connection);
        // 16 KiB pages (SQLite's default is 4 KiB) for a new store; an existing one keeps its own. Ingest writes tens of
        // megabytes of run facts, usage rows and traces through the WAL: a quarter of the pages to write, each a system
        // call, took 0.25-0.3 s off a cold ingest of 2 GB (a tenth of the time saving its sessions took).
        store.Exec($"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
        store.Migrate();
        return store;
    }

    public int SchemaVersion => (int)(long)Scalar("PRAGMA user_version")!;

    private void Migrate()
    {
        var version = SchemaVersion;
        if (version > StoreMigrations.All.Count)
            throw new StoreException($"{Path} has schema version {version}, newer than this ClawLearn knows ({StoreMigrations.All.Count}); upgrade ClawLearn");
        for (var i = version; i < StoreMigrations.All.Count; i++)
        {
            using var tx = _connection.BeginTransaction();
            Exec(StoreMigrations.All[i], tx);
            if (i + 1 == StoreMigrations.CompactTraces) ConvertJsonTraces(tx);
            Exec($"PRAGMA user_version = {i + 1}", tx);
            tx.Commit();
        }
    }

    // Migration 4: every JSON trace, rewritten in the compact form with the same key, agent, time and origin.
    private void ConvertJsonTraces(SqliteTransaction tx)
    {
        _transaction = tx;
        try
        {
            using var select = Command("SELECT trace_id, agent_id, timestamp, origin, trace_json FROM traces_json");
            using var reader = select.ExecuteReader();
            var insert = Statement("INSERT INTO traces(trace_id, agent_id, timestamp, origin, trace) VALUES (?1, ?2, ?3, ?4, ?5)");
            while (reader.Read())
            {
                var trace = JsonSerializer.Deserialize(reader.GetString(4), LearningJsonContext.Default.RunTrace)!;
                insert.Text(1, reader.GetString(0)).Text(2, reader.GetString(1)).Integer(3, reader.GetInt64(2)).Text(4, reader.GetString(3))
                    .Blob(5, Encode(trace)).Run();
            }
        }
        finally
        {
            _transaction = null;
        }
        Exec("DROP TABLE traces_json", tx);
    }

    // The arm dictionary, read from the store on first use and kept in step as arms are registered.
    private readonly ArmNumbers _arms = new();
    private bool _armsLoaded;

    private void LoadArms()
    {
        using var command = Command("SELECT arm_no, arm_id FROM arms");
        using var reader = command.ExecuteReader();
        while (reader.Read()) _arms.Add(reader.GetInt32(0), reader.GetString(1));
        _armsLoaded = true;
    }

    private ArmNumbers Arms()
    {
        if (!_armsLoaded) LoadArms();
        return _arms;
    }

    // A trace's stored bytes; arms new to the store are registered first (inside the caller's transaction).
    private byte[] Encode(RunTrace trace) => TraceCodec.Encode(trace, Arms()) ?? EncodeWithNewArms(trace);

    private byte[] EncodeWithNewArms(RunTrace trace)
    {
        var insert = Statement("INSERT INTO arms(arm_id) VALUES (?1) ON CONFLICT(arm_id) DO NOTHING");
        foreach (var armId in TraceCodec.UnnumberedArms(trace, _arms).ToList())
        {
            insert.Text(1, armId).Run();
            _arms.Add(Convert.ToInt32(Scalar("SELECT arm_no FROM arms WHERE arm_id = $id", ("$id", armId))), armId);
        }
        return TraceCodec.Encode(trace, _arms)!;
    }

    private RunTrace Decode(byte[] bytes)
    {
        if (TraceCodec.Decode(bytes, Arms()) is { } trace) return trace;
        LoadArms(); // another connection registered arms since the dictionary was read
        return TraceCodec.Decode(bytes, _arms) ?? throw new StoreException($"{Path}: a stored trace names an arm the store's arm dictionary lacks; run `clawlearn ingest --full`");
    }

    public void InTransaction(Action work)
    {
        if (_transaction is not null)
        {
            work();
            return;
        }
        _transaction = _connection.BeginTransaction();
        try
        {
            work();
            _transaction.Commit();
        }
        catch
        {
            _transaction.Rollback();
            // Arms registered in this transaction are gone with it; their numbers may be reused.
            _arms.Clear();
            _armsLoaded = false;
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    public IReadOnlyList<SourceCursor> Cursors(string agentId) => ReadCursors("WHERE agent_id = $a", ("$a", agentId));

    private List<SourceCursor> ReadCursors(string where, params (string, object)[] args)
    {
        using var command = Command($"SELECT {StoreRows.CursorColumns} FROM sources {where}", args);
        using var reader = command.ExecuteReader();
        var result = new List<SourceCursor>();
        while (reader.Read())
        {
            result.Add(StoreRows.Cursor(reader));
        }
        return result;
    }

    public void SaveCursor(SourceCursor c) => Statement("INSERT OR REPLACE INTO sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
        .Text(1, c.AgentId).Text(2, c.SessionId).Text(3, c.Kind).Text(4, c.Path).Text(5, c.Identity).Integer(6, c.Size)
        .Integer(7, c.ModifiedTicks).Integer(8, c.Position).Integer(9, c.NextUserIndex).Text(10, c.Provider).Text(11, c.Model)
        .Text(12, c.MetaJson).Run();

    public long? ReplaceFacts(string agentId, string sessionId, int fromUserIndex, IEnumerable<RunFacts> facts)
    {
        long? earliest = null;
        InTransaction(() =>
        {
            var stored = new Dictionary<int, byte[]>();
            var select = Statement("SELECT user_index, facts_json FROM run_facts WHERE agent_id = ?1 AND session_id = ?2 AND user_index >= ?3")
                .Text(1, agentId).Text(2, sessionId).Integer(3, fromUserIndex);
            while (select.Next()) stored[(int)select.Int64(0)] = select.Bytes(1);
            var changes = new FactChanges(stored);
            Statement("DELETE FROM run_facts WHERE agent_id = ?1 AND session_id = ?2 AND user_index >= ?3")
                .Text(1, agentId).Text(2, sessionId).Integer(3, fromUserIndex).Run();
            var insert = Statement("INSERT OR REPLACE INTO run_facts VALUES (?1, ?2, ?3, ?4, ?5)");
            foreach (var f in facts)
            {
                var json = FactChanges.Serialize(f);
                changes.Compare(f, json);
                insert.Text(1, f.AgentId).Text(2, f.SessionId).Integer(3, f.UserIndex).Text(4, StoreRows.RunDay(f.Timestamp)).Text(5, json).Run();
            }
            earliest = changes.Earliest();
        });
        return earliest;
    }

    public void ReplaceUsage(string agentId, string sessionId, int fromUserIndex, IEnumerable<UsageRow> rows)
    {
        InTransaction(() =>
        {
            Statement("DELETE FROM usage WHERE agent_id = ?1 AND session_id = ?2 AND user_index >= ?3")
                .Text(1, agentId).Text(2, sessionId).Integer(3, fromUserIndex).Run();
            var insert = Statement("INSERT OR REPLACE INTO usage VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
            foreach (var u in rows)
            {
                insert.Text(1, u.AgentId).Text(2, u.SessionId).Integer(3, u.UserIndex).Text(4, u.Day).Text(5, u.Provider).Text(6, u.Model)
                    .Integer(7, u.Messages).Integer(8, u.Input).Integer(9, u.Output).Integer(10, u.CacheRead).Integer(11, u.CacheWrite)
                    .Integer(12, u.Total).Real(13, u.Cost).Integer(14, u.FirstMs).Integer(15, u.LastMs).Run();
            }
        });
    }

    public IEnumerable<UsageRow> Usage(string agentId)
    {
        using var command = Command($"SELECT {StoreRows.UsageColumns} FROM usage WHERE agent_id = $a ORDER BY {StoreRows.UsageOrder}", ("$a", agentId));
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return StoreRows.Usage(reader);
    }

    public IEnumerable<RunFacts> Facts(string agentId)
    {
        using var command = Command("SELECT facts_json FROM run_facts WHERE agent_id = $a ORDER BY session_id, user_index", ("$a", agentId));
        using var reader = command.ExecuteReader();
        // As the stored UTF-8: a string would be decoded to UTF-16 here and encoded back for the deserialiser.
        var chunk = new List<byte[]>(JsonChunk);
        while (true)
        {
            chunk.Clear();
            while (chunk.Count < JsonChunk && reader.Read()) chunk.Add(reader.GetFieldValue<byte[]>(0));
            if (chunk.Count == 0) yield break;
            foreach (var facts in InParallel(chunk, json => StoredFacts.Read(json))) yield return facts;
        }
    }

    // Rebuilding an agent's traces (de)serialises every run's JSON: that CPU work is spread over the cores a chunk at
    // a time (bounded memory), and the results keep their order.
    private const int JsonChunk = 4096;

    private static TOut[] InParallel<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> convert)
    {
        var results = new TOut[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = convert(items[i]));
        return results;
    }

    public long CountFacts(string agentId) => (long)Scalar("SELECT COUNT(*) FROM run_facts WHERE agent_id = $a", ("$a", agentId))!;

    public IReadOnlyList<string> SessionsOnDays(string agentId, IEnumerable<DateOnly> days)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            using var command = Command("SELECT DISTINCT session_id FROM run_facts WHERE agent_id = $a AND run_day = $d", ("$a", agentId), ("$d", StoreRows.Day(day)));
            using var reader = command.ExecuteReader();
            while (reader.Read()) result.Add(reader.GetString(0));
        }
        return result.Order(StringComparer.Ordinal).ToList();
    }

    public (int Added, int Changed, int Removed) SyncTraces(string agentId, IEnumerable<RunTrace> traces, long? fromTimestamp = null)
    {
        int added = 0, changed = 0, removed = 0;
        InTransaction(() =>
        {
            // Stored traces are compared by digest (the same trace with the same arm dictionary encodes to the same bytes).
            var existing = new Dictionary<string, TraceDigest>(StringComparer.Ordinal);
            using (var select = Command("SELECT trace_id, trace FROM traces WHERE agent_id = $a AND origin = 'ingest' AND timestamp >= $from",
                ("$a", agentId), ("$from", fromTimestamp ?? long.MinValue)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read()) existing[reader.GetString(0)] = TraceDigest.Of(reader.GetFieldValue<byte[]>(1));
            }
            var sync = new TraceChanges(existing);
            var upsert = Statement("INSERT OR REPLACE INTO traces(trace_id, agent_id, timestamp, origin, trace) VALUES (?1, ?2, ?3, 'ingest', ?4)");
            foreach (var (trace, bytes) in sync.ToWrite(EncodedTraces.Pipelined(traces, Arms(), Encode)))
                upsert.Text(1, trace.TraceId).Text(2, agentId).Integer(3, trace.Timestamp).Blob(4, bytes).Run();
            using var delete = Command("DELETE FROM traces WHERE trace_id = $id");
            var p = delete.Parameters.Add("$id", SqliteType.Text);
            foreach (var gone in sync.Removed)
            {
                p.Value = gone;
                delete.ExecuteNonQuery();
            }
            (added, changed, removed) = (sync.Added, sync.Changed, sync.Removed.Count);
        });
        return (added, changed, removed);
    }

    public TraceWrite UpsertRecordedTrace(string agentId, RunTrace trace)
    {
        var result = TraceWrite.Added;
        InTransaction(() =>
        {
            var bytes = Encode(trace);
            using (var existing = Command("SELECT agent_id, trace FROM traces WHERE trace_id = $id", ("$id", trace.TraceId)))
            using (var reader = existing.ExecuteReader())
            {
                if (reader.Read())
                {
                    result = reader.GetString(0) != agentId ? TraceWrite.Conflict
                        : reader.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(bytes) ? TraceWrite.Unchanged : TraceWrite.Changed;
                }
            }
            if (result is TraceWrite.Unchanged or TraceWrite.Conflict) return;
            Execute("INSERT OR REPLACE INTO traces(trace_id, agent_id, timestamp, origin, trace) VALUES ($id, $a, $t, 'api', $b)",
                ("$id", trace.TraceId), ("$a", agentId), ("$t", trace.Timestamp), ("$b", bytes));
        });
        return result;
    }

    public long ExternalChangeStamp() => (long)Scalar("PRAGMA data_version")!;

    /// <summary>
    /// A store that holds nothing yet is written with <c>synchronous = OFF</c> on this connection for as long as it is
    /// open: no fsync of the WAL or the database at checkpoints, nor at the close. In WAL mode that stays safe if the
    /// process dies (Ctrl+C included); only a crash of the machine before the kernel has written the pages back can
    /// damage the file, and it held nothing that ingest cannot read again. On the 2 GB benchmark corpus a cold ingest
    /// waited 0.2-0.4 s on those syncs. A store with anything in it keeps <c>NORMAL</c>.
    /// </summary>
    public bool PrepareBulkLoad()
    {
        var holdsAnything = (long)Scalar("SELECT EXISTS(SELECT 1 FROM traces) OR EXISTS(SELECT 1 FROM run_facts) OR EXISTS(SELECT 1 FROM events) "
            + "OR EXISTS(SELECT 1 FROM sources) OR EXISTS(SELECT 1 FROM usage)")! != 0;
        if (holdsAnything) return false;
        Exec("PRAGMA synchronous = OFF");
        return true;
    }

    /// <summary>This connection's <c>PRAGMA synchronous</c>: 0 off, 1 normal (what tests and diagnostics check).</summary>
    internal long Synchronous => (long)Scalar("PRAGMA synchronous")!;

    public IEnumerable<RunTrace> TracesNewestFirst(string agentId, int limit = int.MaxValue, int offset = 0) =>
        ReadTraces("ORDER BY timestamp DESC, trace_id ASC LIMIT $l OFFSET $o", agentId, ("$l", limit), ("$o", offset));

    public IEnumerable<RunTrace> TracesInTimeOrder(string agentId) => ReadTraces("ORDER BY timestamp ASC, trace_id ASC", agentId);

    private IEnumerable<RunTrace> ReadTraces(string order, string agentId, params (string, object)[] args)
    {
        using var command = Command($"SELECT trace FROM traces WHERE agent_id = $a {order}", [("$a", agentId), .. args]);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return Decode(reader.GetFieldValue<byte[]>(0));
    }

    public long CountTraces(string agentId) => (long)Scalar("SELECT COUNT(*) FROM traces WHERE agent_id = $a", ("$a", agentId))!;

    public long AddEvent(string agentId, LearningEvent e)
    {
        using var command = Command("INSERT INTO events(agent_id, kind, timestamp, arm_ids_json, reward, reason) VALUES ($a, $k, $t, $ids, $r, $why) RETURNING id",
            ("$a", agentId), ("$k", e.Kind.ToString()), ("$t", e.TimestampMs),
            ("$ids", StoreRows.EventArmIds(e)), ("$r", e.Reward), ("$why", (object?)e.Reason ?? DBNull.Value));
        return (long)command.ExecuteScalar()!;
    }

    public IReadOnlyList<LearningEvent> Events(string agentId)
    {
        using var command = Command($"SELECT {StoreRows.EventColumns} FROM events WHERE agent_id = $a ORDER BY timestamp, id", ("$a", agentId));
        using var reader = command.ExecuteReader();
        var result = new List<LearningEvent>();
        while (reader.Read())
        {
            result.Add(StoreRows.Event(reader));
        }
        return result;
    }

    public string? GetMeta(string key) => Scalar("SELECT value FROM meta WHERE key = $k", ("$k", key)) as string;

    public void SetMeta(string key, string value) => Execute("INSERT OR REPLACE INTO meta VALUES ($k, $v)", ("$k", key), ("$v", value));

    public void DeleteMeta(string key) => Execute("DELETE FROM meta WHERE key = $k", ("$k", key));

    public IReadOnlyList<(string Key, string Value)> MetaWithPrefix(string prefix)
    {
        // substr rather than LIKE: keys hold '_' and ':' and must match literally.
        using var command = Command("SELECT key, value FROM meta WHERE substr(key, 1, length($p)) = $p ORDER BY key", ("$p", prefix));
        using var reader = command.ExecuteReader();
        var result = new List<(string, string)>();
        while (reader.Read()) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] args)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
        return command;
    }

    // The hot inserts of an ingest, prepared once per connection (see Utf8Statement).
    private readonly Dictionary<string, Utf8Statement> _statements = new(StringComparer.Ordinal);

    private Utf8Statement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement)) _statements[sql] = statement = new Utf8Statement(_connection, sql);
        return statement;
    }

    private void Execute(string sql, params (string, object)[] args)
    {
        using var command = Command(sql, args);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object)[] args)
    {
        using var command = Command(sql, args);
        return command.ExecuteScalar();
    }

    private void Exec(string sql, SqliteTransaction? tx = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        _connection.Dispose();
    }
}
