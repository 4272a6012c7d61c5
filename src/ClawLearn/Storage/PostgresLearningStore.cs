using System.Text;
using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Usage;
using Npgsql;

namespace ClawLearn.Storage;

/// <summary>
/// The PostgreSQL learning store: one database (or one schema of it) for a fleet of agents and gateways. Same
/// tables and meaning as the SQLite store. Several processes may write at once: each agent's writes in one
/// transaction hold that agent's advisory lock, so two ingests of one agent take turns instead of deadlocking, and
/// every write bumps a shared counter so a long-running reader (the API server) sees other processes' commits.
/// </summary>
public sealed class PostgresLearningStore : ILearningStore
{
    private const int BatchSize = 500;
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;
    private readonly HashSet<string> _lockedAgents = new(StringComparer.Ordinal);
    private long _ownWrites;
    private long _pendingWrites;

    private PostgresLearningStore(NpgsqlConnection connection, string location, string? schema)
    {
        _connection = connection;
        Location = location;
        _schema = schema;
    }

    private readonly string? _schema;

    /// <summary>The URL the store was opened with, password removed.</summary>
    public string Location { get; }

    /// <summary>Opens (and migrates) the store at a <c>postgres://user:password@host:port/database[?schema=name&amp;…]</c> URL.</summary>
    public static PostgresLearningStore Open(string url)
    {
        var (builder, schema) = PostgresUrl.Parse(url);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            var store = new PostgresLearningStore(connection, PostgresUrl.Redact(url), schema);
            store.Migrate();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT version FROM clawlearn_schema"));

    private void Migrate()
    {
        using var tx = _connection.BeginTransaction();
        // One migrating process at a time; the others wait here and then find the work done.
        Exec("SELECT pg_advisory_xact_lock(hashtext('clawlearn:migrate'))");
        if (_schema is not null)
        {
            Exec($"CREATE SCHEMA IF NOT EXISTS {QuotedSchema}");
            UseSchema(_connection);
        }
        Exec("CREATE TABLE IF NOT EXISTS clawlearn_schema(version integer NOT NULL)");
        if (Scalar("SELECT version FROM clawlearn_schema") is not { } current)
        {
            Exec("INSERT INTO clawlearn_schema VALUES (0)");
            current = 0;
        }
        var version = Convert.ToInt32(current);
        if (version > PostgresMigrations.All.Count)
            throw new StoreException($"{Location} has schema version {version}, newer than this ClawLearn knows ({PostgresMigrations.All.Count}); upgrade ClawLearn");
        _transaction = tx;
        try
        {
            for (var i = version; i < PostgresMigrations.All.Count; i++)
            {
                Exec(PostgresMigrations.All[i]);
                if (i + 1 == PostgresMigrations.CompactTraces) ConvertJsonTraces();
            }
        }
        finally
        {
            _transaction = null;
        }
        Exec("UPDATE clawlearn_schema SET version = @v", ("v", PostgresMigrations.All.Count));
        tx.Commit();
    }

    private string QuotedSchema => "\"" + _schema!.Replace("\"", "\"\"") + "\"";

    private void UseSchema(NpgsqlConnection connection)
    {
        if (_schema is null) return;
        using var command = new NpgsqlCommand($"SET search_path TO {QuotedSchema}", connection);
        command.ExecuteNonQuery();
    }

    // Migration 3: every JSON trace, rewritten in the compact form, a page at a time (one connection cannot insert
    // while it reads). Its arms are registered inside the migration's transaction: the table is new and nobody else
    // can see it yet.
    private void ConvertJsonTraces()
    {
        const int page = 1000;
        var last = "";
        while (true)
        {
            var rows = new List<(string Id, string Agent, long Time, string Origin, RunTrace Trace)>();
            using (var select = Command(
                "SELECT trace_id, agent_id, timestamp, origin, trace_json FROM traces_json WHERE trace_id > @last ORDER BY trace_id LIMIT @n",
                ("last", last), ("n", page)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                        JsonSerializer.Deserialize(reader.GetString(4), LearningJsonContext.Default.RunTrace)!));
                }
            }
            if (rows.Count == 0) break;
            var writes = new List<NpgsqlBatchCommand>();
            foreach (var row in rows)
            {
                var bytes = TraceCodec.Encode(row.Trace, Arms()) ?? EncodeWithNewArms(row.Trace, _connection);
                writes.Add(BatchCommand("INSERT INTO traces(trace_id, agent_id, timestamp, origin, trace) VALUES (@id, @a, @t, @o, @b)",
                    ("id", row.Id), ("a", row.Agent), ("t", row.Time), ("o", row.Origin), ("b", bytes)));
            }
            Flush(writes);
            last = rows[^1].Id;
        }
        Exec("DROP TABLE traces_json");
    }

    // The arm dictionary, read on first use. New arms are registered on a second connection that commits at once:
    // inside a long ingest transaction, two writers adding arms in different orders would deadlock, and an arm row
    // nobody uses (its trace rolled back) does no harm. That connection also re-reads the dictionary while the main
    // one is busy streaming traces.
    private readonly ArmNumbers _arms = new();
    private bool _armsLoaded;
    private NpgsqlConnection? _side;

    private ArmNumbers Arms()
    {
        if (!_armsLoaded) LoadArms(_connection, _transaction);
        return _arms;
    }

    private void LoadArms(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("SELECT arm_no, arm_id FROM arms", connection, transaction);
        using var reader = command.ExecuteReader();
        while (reader.Read()) _arms.Add(reader.GetInt32(0), reader.GetString(1));
        _armsLoaded = true;
    }

    private NpgsqlConnection Side()
    {
        if (_side is not null) return _side;
        _side = new NpgsqlConnection(_connection.ConnectionString);
        _side.Open();
        UseSchema(_side);
        return _side;
    }

    private byte[] Encode(RunTrace trace) => TraceCodec.Encode(trace, Arms()) ?? EncodeWithNewArms(trace, Side());

    private byte[] EncodeWithNewArms(RunTrace trace, NpgsqlConnection connection)
    {
        var transaction = connection == _connection ? _transaction : null;
        foreach (var armId in TraceCodec.UnnumberedArms(trace, _arms).ToList())
        {
            using (var insert = new NpgsqlCommand("INSERT INTO arms(arm_id) VALUES (@id) ON CONFLICT (arm_id) DO NOTHING", connection, transaction))
            {
                insert.Parameters.AddWithValue("id", armId);
                insert.ExecuteNonQuery();
            }
            using var select = new NpgsqlCommand("SELECT arm_no FROM arms WHERE arm_id = @id", connection, transaction);
            select.Parameters.AddWithValue("id", armId);
            _arms.Add(Convert.ToInt32(select.ExecuteScalar()), armId);
        }
        return TraceCodec.Encode(trace, _arms)!;
    }

    private RunTrace Decode(byte[] bytes)
    {
        if (TraceCodec.Decode(bytes, _arms) is { } trace) return trace;
        LoadArms(Side(), null); // another writer registered arms since the dictionary was read
        return TraceCodec.Decode(bytes, _arms) ?? throw new StoreException($"{Location}: a stored trace names an arm the store's arm dictionary lacks; run `clawlearn ingest --full`");
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
            // One bump per transaction that wrote, last, so the counter row is locked only for the commit.
            if (_pendingWrites > 0) Exec("UPDATE change_counter SET n = n + 1 WHERE id = 1");
            _transaction.Commit();
            if (_pendingWrites > 0) _ownWrites++;
        }
        catch
        {
            _transaction.Rollback();
            // Arms registered during migration are gone with it (others are committed on their own connection).
            _arms.Clear();
            _armsLoaded = false;
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
            _pendingWrites = 0;
            _lockedAgents.Clear();
        }
    }

    /// <summary>
    /// Runs a write in a transaction and counts it. Ingest's writes (cursors, facts, trace syncs) pass the agent, and
    /// hold its lock: they touch many rows, in orders two ingests would interleave into deadlocks. Single-row writes
    /// (a recorded trace, an event) pass null and run side by side.
    /// </summary>
    private void Write(string? agentId, Action work) => InTransaction(() =>
    {
        if (agentId is not null && _lockedAgents.Add(agentId)) Exec("SELECT pg_advisory_xact_lock(hashtext(@a))", ("a", "clawlearn:" + agentId));
        work();
        _pendingWrites++;
    });

    public long ExternalChangeStamp() => Convert.ToInt64(Scalar("SELECT n FROM change_counter WHERE id = 1")) - _ownWrites;

    public IReadOnlyList<SourceCursor> Cursors(string agentId)
    {
        using var command = Command($"SELECT {StoreRows.CursorColumns} FROM sources WHERE agent_id = @a", ("a", agentId));
        using var reader = command.ExecuteReader();
        var result = new List<SourceCursor>();
        while (reader.Read())
        {
            result.Add(StoreRows.Cursor(reader));
        }
        return result;
    }

    public void SaveCursor(SourceCursor c) => Write(c.AgentId, () => Execute([CursorCommand(c)]));

    public long? ReplaceFacts(string agentId, string sessionId, int fromUserIndex, IEnumerable<RunFacts> facts) =>
        SaveSession(agentId, sessionId, fromUserIndex, facts.ToList(), null);

    public void ReplaceUsage(string agentId, string sessionId, int fromUserIndex, IEnumerable<UsageRow> rows) =>
        Write(agentId, () => Execute(UsageCommands(agentId, sessionId, fromUserIndex, rows)));

    // A session's facts, usage and cursor in one round trip (six, statement by statement, made a cold ingest into a
    // server on the same machine 3.5 times as slow as into SQLite).
    public long? SaveSession(SourceCursor cursor, int factsFrom, IReadOnlyList<RunFacts> facts, int usageFrom, IReadOnlyList<UsageRow> usage) =>
        SaveSession(cursor.AgentId, cursor.SessionId, factsFrom, facts, [.. UsageCommands(cursor.AgentId, cursor.SessionId, usageFrom, usage), CursorCommand(cursor)]);

    // Replaces facts (comparing them with the stored ones, read by the batch's first statement, before its delete) and
    // runs `more` in the same batch.
    private long? SaveSession(string agentId, string sessionId, int fromUserIndex, IReadOnlyList<RunFacts> facts, IEnumerable<NpgsqlBatchCommand>? more)
    {
        long? earliest = null;
        Write(agentId, () =>
        {
            var json = facts.Select(FactChanges.Serialize).ToList();
            using var batch = new NpgsqlBatch(_connection, _transaction);
            batch.BatchCommands.Add(BatchCommand("SELECT user_index, facts_json FROM run_facts WHERE agent_id = @a AND session_id = @s AND user_index >= @i",
                ("a", agentId), ("s", sessionId), ("i", fromUserIndex)));
            batch.BatchCommands.Add(BatchCommand("DELETE FROM run_facts WHERE agent_id = @a AND session_id = @s AND user_index >= @i",
                ("a", agentId), ("s", sessionId), ("i", fromUserIndex)));
            for (var k = 0; k < facts.Count; k++)
            {
                var f = facts[k];
                batch.BatchCommands.Add(BatchCommand(
                    "INSERT INTO run_facts VALUES (@a, @s, @i, @d, @j) ON CONFLICT (agent_id, session_id, user_index) DO UPDATE SET run_day = excluded.run_day, facts_json = excluded.facts_json",
                    ("a", f.AgentId), ("s", f.SessionId), ("i", f.UserIndex), ("d", (object?)StoreRows.RunDay(f.Timestamp) ?? DBNull.Value),
                    ("j", Encoding.UTF8.GetString(json[k]))));
            }
            foreach (var command in more ?? []) batch.BatchCommands.Add(command);
            var stored = new Dictionary<int, byte[]>();
            using (var reader = batch.ExecuteReader())
            {
                while (reader.Read()) stored[reader.GetInt32(0)] = Encoding.UTF8.GetBytes(reader.GetString(1));
                while (reader.NextResult()) { } // the writes' errors surface here
            }
            var changes = new FactChanges(stored);
            for (var k = 0; k < facts.Count; k++) changes.Compare(facts[k], json[k]);
            earliest = changes.Earliest();
        });
        return earliest;
    }

    private static IEnumerable<NpgsqlBatchCommand> UsageCommands(string agentId, string sessionId, int fromUserIndex, IEnumerable<UsageRow> rows)
    {
        yield return BatchCommand("DELETE FROM usage WHERE agent_id = @a AND session_id = @s AND user_index >= @i", ("a", agentId), ("s", sessionId), ("i", fromUserIndex));
        foreach (var u in rows)
        {
            yield return BatchCommand(
                """
                INSERT INTO usage VALUES (@a, @s, @i, @d, @p, @m, @n, @in, @out, @cr, @cw, @t, @c, @f, @l)
                ON CONFLICT (agent_id, session_id, user_index, day, provider, model) DO UPDATE SET messages = excluded.messages,
                  input = excluded.input, output = excluded.output, cache_read = excluded.cache_read, cache_write = excluded.cache_write,
                  total = excluded.total, cost = excluded.cost, first_ms = excluded.first_ms, last_ms = excluded.last_ms
                """,
                StoreRows.UsageParameters(u));
        }
    }

    private static NpgsqlBatchCommand CursorCommand(SourceCursor c) => BatchCommand(
        """
        INSERT INTO sources VALUES (@a, @s, @k, @p, @i, @size, @m, @pos, @n, @prov, @model, @meta)
        ON CONFLICT (agent_id, session_id) DO UPDATE SET kind = excluded.kind, path = excluded.path, identity = excluded.identity,
          size = excluded.size, modified_ticks = excluded.modified_ticks, position = excluded.position,
          next_user_index = excluded.next_user_index, provider = excluded.provider, model = excluded.model, meta_json = excluded.meta_json
        """,
        ("a", c.AgentId), ("s", c.SessionId), ("k", c.Kind), ("p", c.Path), ("i", c.Identity), ("size", c.Size), ("m", c.ModifiedTicks),
        ("pos", c.Position), ("n", c.NextUserIndex), ("prov", (object?)c.Provider ?? DBNull.Value), ("model", (object?)c.Model ?? DBNull.Value),
        ("meta", (object?)c.MetaJson ?? DBNull.Value));

    // Statements sent as one batch, a bounded number at a time.
    private void Execute(IEnumerable<NpgsqlBatchCommand> commands)
    {
        var writes = new List<NpgsqlBatchCommand>();
        foreach (var command in commands)
        {
            writes.Add(command);
            if (writes.Count >= BatchSize) Flush(writes);
        }
        Flush(writes);
    }

    public IEnumerable<UsageRow> Usage(string agentId)
    {
        using var command = Command($"SELECT {StoreRows.UsageColumns} FROM usage WHERE agent_id = @a ORDER BY {StoreRows.UsageOrder}", ("a", agentId));
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return StoreRows.Usage(reader);
    }

    public IEnumerable<RunFacts> Facts(string agentId)
    {
        using var command = Command("SELECT facts_json FROM run_facts WHERE agent_id = @a ORDER BY session_id, user_index", ("a", agentId));
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return StoredFacts.Read(Encoding.UTF8.GetBytes(reader.GetString(0)));
    }

    public IReadOnlyList<string> SessionsOnDays(string agentId, IEnumerable<DateOnly> days)
    {
        var list = days.Select(StoreRows.Day).ToArray();
        using var command = Command("SELECT DISTINCT session_id FROM run_facts WHERE agent_id = @a AND run_day = ANY(@d) ORDER BY session_id", ("a", agentId), ("d", list));
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(reader.GetString(0));
        return result;
    }

    public (int Added, int Changed, int Removed) SyncTraces(string agentId, IEnumerable<RunTrace> traces, long? fromTimestamp = null)
    {
        int added = 0, changed = 0, removed = 0;
        Write(agentId, () =>
        {
            var existing = new Dictionary<string, TraceDigest>(StringComparer.Ordinal);
            using (var select = Command("SELECT trace_id, trace FROM traces WHERE agent_id = @a AND origin = 'ingest' AND timestamp >= @from",
                ("a", agentId), ("from", fromTimestamp ?? long.MinValue)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read()) existing[reader.GetString(0)] = TraceDigest.Of(reader.GetFieldValue<byte[]>(1));
            }
            var sync = new TraceChanges(existing);
            var writes = new List<NpgsqlBatchCommand>();
            foreach (var (trace, bytes) in sync.ToWrite(EncodedTraces.Pipelined(traces, Arms(), Encode)))
            {
                writes.Add(BatchCommand(
                    """
                    INSERT INTO traces(trace_id, agent_id, timestamp, origin, trace) VALUES (@id, @a, @t, 'ingest', @b)
                    ON CONFLICT (trace_id) DO UPDATE SET agent_id = excluded.agent_id, timestamp = excluded.timestamp, trace = excluded.trace, origin = 'ingest'
                    """, ("id", trace.TraceId), ("a", agentId), ("t", trace.Timestamp), ("b", bytes)));
                if (writes.Count >= BatchSize) Flush(writes);
            }
            foreach (var gone in sync.Removed)
            {
                writes.Add(BatchCommand("DELETE FROM traces WHERE trace_id = @id", ("id", gone)));
                if (writes.Count >= BatchSize) Flush(writes);
            }
            Flush(writes);
            (added, changed, removed) = (sync.Added, sync.Changed, sync.Removed.Count);
        });
        return (added, changed, removed);
    }

    public TraceWrite UpsertRecordedTrace(string agentId, RunTrace trace)
    {
        var bytes = Encode(trace);
        var result = TraceWrite.Added;
        Write(null, () =>
        {
            using (var existing = Command("SELECT agent_id, trace FROM traces WHERE trace_id = @id FOR UPDATE", ("id", trace.TraceId)))
            using (var reader = existing.ExecuteReader())
            {
                if (reader.Read())
                {
                    result = reader.GetString(0) != agentId ? TraceWrite.Conflict
                        : reader.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(bytes) ? TraceWrite.Unchanged : TraceWrite.Changed;
                }
            }
            if (result is TraceWrite.Unchanged or TraceWrite.Conflict) return;
            Exec(
                """
                INSERT INTO traces(trace_id, agent_id, timestamp, origin, trace) VALUES (@id, @a, @t, 'api', @b)
                ON CONFLICT (trace_id) DO UPDATE SET timestamp = excluded.timestamp, trace = excluded.trace, origin = 'api'
                """, ("id", trace.TraceId), ("a", agentId), ("t", trace.Timestamp), ("b", bytes));
        });
        return result;
    }

    public IEnumerable<RunTrace> TracesNewestFirst(string agentId, int limit = int.MaxValue, int offset = 0) =>
        ReadTraces("ORDER BY timestamp DESC, trace_id ASC LIMIT @l OFFSET @o", agentId, ("l", (long)limit), ("o", (long)offset));

    public IEnumerable<RunTrace> TracesInTimeOrder(string agentId) => ReadTraces("ORDER BY timestamp ASC, trace_id ASC", agentId);

    private IEnumerable<RunTrace> ReadTraces(string order, string agentId, params (string, object)[] args)
    {
        Arms(); // read before the traces: while they stream, this connection can run nothing else
        using var command = Command($"SELECT trace FROM traces WHERE agent_id = @a {order}", [("a", agentId), .. args]);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return Decode(reader.GetFieldValue<byte[]>(0));
    }

    public long CountTraces(string agentId) => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM traces WHERE agent_id = @a", ("a", agentId)));

    public long AddEvent(string agentId, LearningEvent e)
    {
        long id = 0;
        Write(null, () => id = Convert.ToInt64(Scalar(
            "INSERT INTO events(agent_id, kind, timestamp, arm_ids_json, reward, reason) VALUES (@a, @k, @t, @ids, @r, @why) RETURNING id",
            ("a", agentId), ("k", e.Kind.ToString()), ("t", e.TimestampMs),
            ("ids", StoreRows.EventArmIds(e)), ("r", e.Reward), ("why", (object?)e.Reason ?? DBNull.Value))));
        return id;
    }

    public IReadOnlyList<LearningEvent> Events(string agentId)
    {
        using var command = Command($"SELECT {StoreRows.EventColumns} FROM events WHERE agent_id = @a ORDER BY timestamp, id", ("a", agentId));
        using var reader = command.ExecuteReader();
        var result = new List<LearningEvent>();
        while (reader.Read())
        {
            result.Add(StoreRows.Event(reader));
        }
        return result;
    }

    public string? GetMeta(string key) => Scalar("SELECT value FROM meta WHERE key = @k", ("k", key)) as string;

    public void SetMeta(string key, string value) => Write(null, () =>
        Exec("INSERT INTO meta VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("k", key), ("v", value)));

    public void DeleteMeta(string key) => Write(null, () => Exec("DELETE FROM meta WHERE key = @k", ("k", key)));

    public IReadOnlyList<(string Key, string Value)> MetaWithPrefix(string prefix)
    {
        using var command = Command("SELECT key, value FROM meta WHERE left(key, length(@p)) = @p ORDER BY key", ("p", prefix));
        using var reader = command.ExecuteReader();
        var result = new List<(string, string)>();
        while (reader.Read()) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object Value)[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in args) command.Parameters.Add(new NpgsqlParameter(name, value));
        return command;
    }

    private void Flush(List<NpgsqlBatchCommand> writes)
    {
        if (writes.Count == 0) return;
        using var batch = new NpgsqlBatch(_connection, _transaction);
        foreach (var write in writes) batch.BatchCommands.Add(write);
        batch.ExecuteNonQuery();
        writes.Clear();
    }

    private NpgsqlCommand Command(string sql, params (string Name, object Value)[] args)
    {
        var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private void Exec(string sql, params (string, object)[] args)
    {
        using var command = Command(sql, args);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object)[] args)
    {
        using var command = Command(sql, args);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public void Dispose()
    {
        _side?.Dispose();
        _connection.Dispose();
    }
}
