using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Tests.Storage;

/// <summary>
/// A store written before traces were stored compactly (schema 3 on SQLite, 2 on PostgreSQL, traces as JSON) is
/// converted when a newer ClawLearn opens it: every trace reads back as it was, with its origin.
/// </summary>
public sealed class TraceMigrationTests
{
    public static TheoryData<string> Engines() => StoreEngines.All();

    private static readonly RunTrace[] Old =
    [
        new("tr_a", "run_a", "s1", "agent:main:main", 2000, "anthropic", "claude", "webchat", true,
            new TraceContext("agent:main:main", "webchat", "anthropic", "claude"),
            [new ArmOutcome("tool:web:web_search", true, true, 100), new ArmOutcome("memory:prefs", false, false, 12)],
            new TraceUsage(1, 2, 3, 4, 10), 500, 1000, false, null),
        new("tr_live", "run_live", "s2", null, 3000, null, null, "api", false, new TraceContext(null, "api", null, null),
            [new ArmOutcome("skill:main:notes", true, false, 40), new ArmOutcome("tool:web:web_search", true, false, 100)],
            null, null, 0, true, "aborted"),
    ];

    [Theory]
    [MemberData(nameof(Engines))]
    public void Json_traces_are_converted_with_their_origin(string engine)
    {
        using var location = StoreEngines.Create(engine);
        if (engine == "sqlite") WriteOldSqlite(location.Value);
        else WriteOldPostgres(location.Value);

        using var store = location.Open();
        Assert.Equal(Old, store.TracesInTimeOrder("main"), new TraceJsonComparer());
        // The recorded trace is still the API's: ingest's sync replaces only its own.
        Assert.Equal((0, 0, 0), store.SyncTraces("main", [Old[0]]));
        Assert.Equal(2, store.CountTraces("main"));
        Assert.Equal((0, 0, 1), store.SyncTraces("main", []));
        Assert.Equal(["tr_live"], store.TracesInTimeOrder("main").Select(t => t.TraceId));
    }

    private static string Json(RunTrace trace) => JsonSerializer.Serialize(trace, LearningJsonContext.Default.RunTrace);

    private static void WriteOldSqlite(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        foreach (var sql in StoreMigrations.All.Take(3)) Run(connection, sql);
        Run(connection, "PRAGMA user_version = 3");
        foreach (var (trace, origin) in Old.Zip(["ingest", "api"]))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO traces(trace_id, agent_id, timestamp, trace_json, origin) VALUES ($id, 'main', $t, $j, $o)";
            insert.Parameters.AddWithValue("$id", trace.TraceId);
            insert.Parameters.AddWithValue("$t", trace.Timestamp);
            insert.Parameters.AddWithValue("$j", Json(trace));
            insert.Parameters.AddWithValue("$o", origin);
            insert.ExecuteNonQuery();
        }
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void WriteOldPostgres(string url)
    {
        var (builder, schema) = PostgresUrl.Parse(url);
        using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        void Run(string sql, params (string, object)[] args)
        {
            using var command = new Npgsql.NpgsqlCommand(sql, connection);
            foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
            command.ExecuteNonQuery();
        }
        Run($"CREATE SCHEMA \"{schema}\"");
        Run($"SET search_path TO \"{schema}\"");
        foreach (var sql in PostgresMigrations.All.Take(2)) Run(sql);
        Run("CREATE TABLE clawlearn_schema(version integer NOT NULL)");
        Run("INSERT INTO clawlearn_schema VALUES (2)");
        foreach (var (trace, origin) in Old.Zip(["ingest", "api"]))
        {
            Run("INSERT INTO traces(trace_id, agent_id, timestamp, trace_json, origin) VALUES (@id, 'main', @t, @j, @o)",
                ("id", trace.TraceId), ("t", trace.Timestamp), ("j", Json(trace)), ("o", origin));
        }
    }
}
