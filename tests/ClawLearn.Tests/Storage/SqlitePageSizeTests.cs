using ClawLearn.Learning;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Tests.Storage;

/// <summary>A new SQLite store gets 16 KiB pages; a store made with another page size keeps it and works as before.</summary>
public sealed class SqlitePageSizeTests
{
    private static readonly RunTrace Trace = MinimalTrace.Trace;

    [Fact]
    public void A_new_store_has_16_KiB_pages()
    {
        using var dir = new TempDir("clawlearn-pages");
        var path = dir.Combine("new.sqlite");
        using (var store = SqliteLearningStore.Open(path)) store.SyncTraces("main", [Trace]);
        Assert.Equal(16 * 1024, PageSize(path));
    }

    [Fact]
    public void An_existing_store_keeps_its_page_size()
    {
        using var dir = new TempDir("clawlearn-pages");
        var path = dir.Combine("old.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE early(x);";
            command.ExecuteNonQuery();
        }
        using (var store = SqliteLearningStore.Open(path)) Assert.Equal((1, 0, 0), store.SyncTraces("main", [Trace]));
        using (var store = SqliteLearningStore.Open(path)) Assert.Equal("tr_1", Assert.Single(store.TracesInTimeOrder("main")).TraceId);
        Assert.Equal(4096, PageSize(path));
    }

    private static long PageSize(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)command.ExecuteScalar()!;
    }
}
