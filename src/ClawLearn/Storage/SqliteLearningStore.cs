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

    public static SqliteLearningStore Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        var store = new SqliteLearningStore(connection);
        store.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;");
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
            Exec($"PRAGMA user_version = {i + 1}", tx);
            tx.Commit();
        }
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

    public void SaveCursor(SourceCursor c) => Prepared(
        "INSERT OR REPLACE INTO sources VALUES ($a, $s, $k, $p, $i, $size, $m, $pos, $n, $prov, $model, $meta)",
        ("$a", c.AgentId), ("$s", c.SessionId), ("$k", c.Kind), ("$p", c.Path), ("$i", c.Identity), ("$size", c.Size),
        ("$m", c.ModifiedTicks), ("$pos", c.Position), ("$n", c.NextUserIndex), ("$prov", (object?)c.Provider ?? DBNull.Value),
        ("$model", (object?)c.Model ?? DBNull.Value),
        ("$meta", (object?)c.MetaJson ?? DBNull.Value));

    public void ReplaceFacts(string agentId, string sessionId, int fromUserIndex, IEnumerable<RunFacts> facts)
    {
        InTransaction(() =>
        {
            Prepared("DELETE FROM run_facts WHERE agent_id = $a AND session_id = $s AND user_index >= $i", ("$a", agentId), ("$s", sessionId), ("$i", fromUserIndex));
            foreach (var f in facts)
            {
                var day = (object?)StoreRows.RunDay(f.Timestamp) ?? DBNull.Value;
                Prepared("INSERT OR REPLACE INTO run_facts VALUES ($a, $s, $i, $d, $j)", ("$a", f.AgentId), ("$s", f.SessionId), ("$i", f.UserIndex),
                    ("$d", day), ("$j", JsonSerializer.Serialize(f, LearningJsonContext.Default.RunFacts)));
            }
        });
    }

    public void ReplaceUsage(string agentId, string sessionId, int fromUserIndex, IEnumerable<UsageRow> rows)
    {
        InTransaction(() =>
        {
            Prepared("DELETE FROM usage WHERE agent_id = $a AND session_id = $s AND user_index >= $i", ("$a", agentId), ("$s", sessionId), ("$i", fromUserIndex));
            foreach (var row in rows) Prepared(InsertUsage, StoreRows.UsageParameters(row, "$"));
        });
    }

    private const string InsertUsage =
        "INSERT OR REPLACE INTO usage VALUES ($a, $s, $i, $d, $p, $m, $n, $in, $out, $cr, $cw, $t, $c, $f, $l)";

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
        var chunk = new List<string>(JsonChunk);
        while (true)
        {
            chunk.Clear();
            while (chunk.Count < JsonChunk && reader.Read()) chunk.Add(reader.GetString(0));
            if (chunk.Count == 0) yield break;
            foreach (var facts in InParallel(chunk, json => JsonSerializer.Deserialize(json, LearningJsonContext.Default.RunFacts)!)) yield return facts;
        }
    }

    // Rebuilding an agent's traces (de)serialises every run's JSON: that CPU work is spread over the cores a chunk at
    // a time (bounded memory), and the results keep their order.
    private const int JsonChunk = 4096;

    // Traces are far bigger than run facts (a run can offer a hundred arms or more: ~12 KB of JSON, twice that as a
    // string), so they are serialised in smaller chunks: two chunks are alive at once.
    private const int TraceChunk = 256;

    private static Task<string[]> SerializeLater(RunTrace[] chunk) =>
        Task.Run(() => InParallel(chunk, trace => JsonSerializer.Serialize(trace, LearningJsonContext.Default.RunTrace)));

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

    public (int Added, int Changed, int Removed) SyncTraces(string agentId, IEnumerable<RunTrace> traces)
    {
        int added = 0, changed = 0, removed = 0;
        InTransaction(() =>
        {
            var existing = new Dictionary<string, TraceDigest>(StringComparer.Ordinal);
            using (var select = Command("SELECT trace_id, trace_json FROM traces WHERE agent_id = $a AND origin = 'ingest'", ("$a", agentId)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read()) existing[reader.GetString(0)] = TraceDigest.Of(reader.GetString(1));
            }
            using var upsert = Command("INSERT OR REPLACE INTO traces(trace_id, agent_id, timestamp, trace_json, origin) VALUES ($id, $a, $t, $j, 'ingest')");
            var (id, a, t, j) = (upsert.Parameters.Add("$id", SqliteType.Text), upsert.Parameters.Add("$a", SqliteType.Text),
                upsert.Parameters.Add("$t", SqliteType.Integer), upsert.Parameters.Add("$j", SqliteType.Text));
            // The next chunk is serialised (on the other cores) while this one is inserted.
            using var chunks = traces.Chunk(TraceChunk).GetEnumerator();
            var pending = chunks.MoveNext() ? (Chunk: chunks.Current, Json: SerializeLater(chunks.Current)) : default;
            while (pending.Chunk is { } chunk)
            {
                var jsons = pending.Json.GetAwaiter().GetResult();
                pending = chunks.MoveNext() ? (chunks.Current, SerializeLater(chunks.Current)) : default;
                for (var k = 0; k < chunk.Length; k++)
                {
                    var (trace, json) = (chunk[k], jsons[k]);
                    if (existing.Remove(trace.TraceId, out var old))
                    {
                        if (old == TraceDigest.Of(json)) continue;
                        changed++;
                    }
                    else
                    {
                        added++;
                    }
                    (id.Value, a.Value, t.Value, j.Value) = (trace.TraceId, agentId, trace.Timestamp, json);
                    upsert.ExecuteNonQuery();
                }
            }
            using var delete = Command("DELETE FROM traces WHERE trace_id = $id");
            var p = delete.Parameters.Add("$id", SqliteType.Text);
            foreach (var gone in existing.Keys)
            {
                p.Value = gone;
                delete.ExecuteNonQuery();
                removed++;
            }
        });
        return (added, changed, removed);
    }

    public TraceWrite UpsertRecordedTrace(string agentId, RunTrace trace)
    {
        var json = JsonSerializer.Serialize(trace, LearningJsonContext.Default.RunTrace);
        var result = TraceWrite.Added;
        InTransaction(() =>
        {
            using (var existing = Command("SELECT agent_id, trace_json FROM traces WHERE trace_id = $id", ("$id", trace.TraceId)))
            using (var reader = existing.ExecuteReader())
            {
                if (reader.Read())
                {
                    result = reader.GetString(0) != agentId ? TraceWrite.Conflict
                        : reader.GetString(1) == json ? TraceWrite.Unchanged : TraceWrite.Changed;
                }
            }
            if (result is TraceWrite.Unchanged or TraceWrite.Conflict) return;
            Execute("INSERT OR REPLACE INTO traces(trace_id, agent_id, timestamp, trace_json, origin) VALUES ($id, $a, $t, $j, 'api')",
                ("$id", trace.TraceId), ("$a", agentId), ("$t", trace.Timestamp), ("$j", json));
        });
        return result;
    }

    public long ExternalChangeStamp() => (long)Scalar("PRAGMA data_version")!;

    public IEnumerable<RunTrace> TracesNewestFirst(string agentId, int limit = int.MaxValue, int offset = 0) =>
        ReadTraces("ORDER BY timestamp DESC, trace_id ASC LIMIT $l OFFSET $o", agentId, ("$l", limit), ("$o", offset));

    public IEnumerable<RunTrace> TracesInTimeOrder(string agentId) => ReadTraces("ORDER BY timestamp ASC, trace_id ASC", agentId);

    private IEnumerable<RunTrace> ReadTraces(string order, string agentId, params (string, object)[] args)
    {
        using var command = Command($"SELECT trace_json FROM traces WHERE agent_id = $a {order}", [("$a", agentId), .. args]);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return JsonSerializer.Deserialize(reader.GetString(0), LearningJsonContext.Default.RunTrace)!;
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

    // Statements that ingest runs once per session are prepared once and kept for the connection's life: preparing
    // them again each time cost more than running them.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private void Prepared(string sql, params ReadOnlySpan<(string Name, object Value)> args)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in args) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            _prepared[sql] = command;
        }
        command.Transaction = _transaction;
        for (var i = 0; i < args.Length; i++) command.Parameters[i].Value = args[i].Value;
        command.ExecuteNonQuery();
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
        foreach (var command in _prepared.Values) command.Dispose();
        _connection.Dispose();
    }
}
