using ClawLearn.Storage;

namespace ClawLearn.Tests.Support;

/// <summary>
/// The learning-store engines a store test runs against: SQLite always, PostgreSQL when
/// <c>CLAWLEARN_TEST_POSTGRES</c> holds a server URL (<c>.ci/run</c> starts a throwaway cluster and sets it). With
/// <c>CLAWLEARN_REQUIRE_POSTGRES=1</c> (CI) a missing server fails the tests instead of leaving PostgreSQL out.
/// Every PostgreSQL test store gets a schema of its own, dropped afterwards.
/// </summary>
public static class StoreEngines
{
    public static string? PostgresUrl => Environment.GetEnvironmentVariable("CLAWLEARN_TEST_POSTGRES") is { Length: > 0 } url ? url : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("CLAWLEARN_REQUIRE_POSTGRES") == "1";

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (PostgresUrl is not null || PostgresRequired) data.Add("postgres");
        return data;
    }

    /// <summary>A new, empty store location of the engine; dispose the result to remove it.</summary>
    public static Location Create(string engine) => engine switch
    {
        "sqlite" => new Location(new TempDir("clawlearn-store")),
        "postgres" => new Location(PostgresUrl ?? throw new InvalidOperationException("CLAWLEARN_TEST_POSTGRES is not set (.ci/run starts PostgreSQL and sets it)")),
        _ => throw new ArgumentException(engine),
    };

    public sealed class Location : IDisposable
    {
        private readonly TempDir? _dir;
        private readonly string? _server;
        private readonly string? _schema;

        internal Location(TempDir dir)
        {
            _dir = dir;
            Value = dir.Combine("store.sqlite");
        }

        internal Location(string server)
        {
            _server = server;
            _schema = "t_" + Guid.NewGuid().ToString("N")[..16];
            Value = server + (server.Contains('?') ? "&" : "?") + "schema=" + _schema;
        }

        /// <summary>What <c>--db</c> would be given.</summary>
        public string Value { get; }

        public ILearningStore Open() => LearningStores.Open(Value);

        public void Dispose()
        {
            _dir?.Dispose();
            if (_server is null) return;
            var (builder, _) = ClawLearn.Storage.PostgresUrl.Parse(_server);
            using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }
}
