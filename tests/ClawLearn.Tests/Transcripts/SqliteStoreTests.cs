using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using ClawLearn.Transcripts;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Tests.Transcripts;

public class SqliteStoreTests
{
    private static string Line(int i) => $$$"""{"type":"message","id":"e{{{i:x7}}}","timestamp":"2026-02-20T09:00:00.000Z","message":{"role":"{{{(i % 2 == 0 ? "user" : "assistant")}}}","content":"event {{{i}}}"}}""";

    [Fact]
    public void Lists_sessions_with_counts_and_metadata_and_reads_events_in_seq_order()
    {
        using var fixture = new FixtureDir();
        using var store = SqliteTranscriptStore.Open(fixture.Path("agents", "main", "agent", "openclaw-agent.sqlite"), new SafeFileAccess(fixture.Root));
        var sessions = store.ListSessions("main");
        Assert.Equal(new[] { SessionIds.SqliteOnly, SessionIds.Topic, SessionIds.Old }.Order(StringComparer.Ordinal), sessions.Select(s => s.SessionId));
        var only = sessions.Single(s => s.SessionId == SessionIds.SqliteOnly);
        Assert.Equal((7L, "discord", "anthropic", "claude-sonnet-4-5"), (only.EventCount, only.Channel!, only.ModelProvider!, only.Model!));
        var stats = new TranscriptReadStats();
        var records = store.ReadEvents(SessionIds.SqliteOnly, stats).ToList();
        Assert.IsType<SessionHeader>(records[0]);
        Assert.Equal([TurnRole.User, TurnRole.Assistant, TurnRole.ToolResult, TurnRole.Assistant, TurnRole.User], records.OfType<Turn>().Select(t => t.Role));
        Assert.Equal(7, stats.LastSeq);
    }

    [Fact]
    public void Reads_more_than_one_keyset_page_and_resumes_after_a_seq()
    {
        using var temp = new TempDir();
        var path = temp.Combine("store.sqlite");
        var events = Enumerable.Range(1, 4500).Select(Line).ToList();
        StateDirFixture.WriteSqliteStore(path, new FixtureOptions(), [new SqliteSession("big", events)]);
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        var all = store.ReadEvents("big", new TranscriptReadStats()).OfType<Turn>().ToList();
        Assert.Equal(4500, all.Count);
        Assert.Equal("event 4500", all[^1].Text);
        var tail = store.ReadEvents("big", new TranscriptReadStats(), afterSeq: 4000).OfType<Turn>().ToList();
        Assert.Equal(500, tail.Count);
        Assert.Equal("event 4001", tail[0].Text);
    }

    [Fact]
    public void Two_sessions_read_in_lock_step_on_one_store_keep_their_own_pages()
    {
        // Events of every size, some far larger than a page's first buffer, over more than one page each.
        string Event(int i, string session) => i % 500 == 7
            ? $$$"""{"type":"message","id":"e{{{i}}}","message":{"role":"user","content":"{{{session}}} {{{i}}} {{{new string('x', 200_000)}}}"}}"""
            : Line(i).Replace("event ", $"{session} ");
        using var temp = new TempDir();
        var path = temp.Combine("store.sqlite");
        StateDirFixture.WriteSqliteStore(path, new FixtureOptions(),
            [new SqliteSession("a", Enumerable.Range(1, 2600).Select(i => Event(i, "a")).ToList()), new SqliteSession("b", Enumerable.Range(1, 2600).Select(i => Event(i, "b")).ToList())]);
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        var pairs = store.ReadEvents("a", new TranscriptReadStats()).OfType<Turn>()
            .Zip(store.ReadEvents("b", new TranscriptReadStats()).OfType<Turn>()).ToList();
        Assert.Equal(2600, pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.StartsWith($"a {i + 1}", pairs[i].First.Text);
            Assert.StartsWith($"b {i + 1}", pairs[i].Second.Text);
            Assert.Equal((i + 1) % 500 == 7 ? 200_000 + $"a {i + 1} ".Length : $"a {i + 1}".Length, pairs[i].First.Text.Length);
        }
    }

    [Fact]
    public void An_event_over_the_line_limit_is_skipped_and_counted_by_seq()
    {
        using var temp = new TempDir();
        var path = temp.Combine("store.sqlite");
        var huge = Line(2).Replace("event 2", new string('z', 5000));
        StateDirFixture.WriteSqliteStore(path, new FixtureOptions(), [new SqliteSession("s", [Line(1), huge, Line(3)])]);
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        var stats = new TranscriptReadStats();
        var turns = store.ReadEvents("s", stats, new LineReaderOptions { MaxLineBytes = 2000 }).OfType<Turn>().ToList();
        Assert.Equal(["event 1", "event 3"], turns.Select(t => t.Text));
        Assert.Equal((1, 2L), (stats.Skipped[SkipReason.LineTooLong], stats.FirstSkippedLine[SkipReason.LineTooLong]));
        Assert.Equal(3, stats.LastSeq);
    }

    [Fact]
    public void Broken_events_are_skipped_and_counted_by_seq()
    {
        using var temp = new TempDir();
        var path = temp.Combine("store.sqlite");
        StateDirFixture.WriteSqliteStore(path, new FixtureOptions(), [new SqliteSession("s", [Line(1), "{broken", "[]", Line(4)])]);
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        var stats = new TranscriptReadStats();
        Assert.Equal(2, store.ReadEvents("s", stats).Count());
        Assert.Equal((1, 2L), (stats.Skipped[SkipReason.InvalidJson], stats.FirstSkippedLine[SkipReason.InvalidJson]));
        Assert.Equal(1, stats.Skipped[SkipReason.NotAnObject]);
    }

    [Fact]
    public void Event_text_that_is_not_valid_utf8_reads_with_replacement_characters_as_a_string_gives_it()
    {
        using var temp = new TempDir();
        var path = temp.Combine("store.sqlite");
        StateDirFixture.WriteSqliteStore(path, new FixtureOptions(), [new SqliteSession("s", [Line(1), Line(2)])]);
        // The second event's text becomes "...\"content\":\"a<0xFF>b\"}}": invalid UTF-8 stored as text.
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """UPDATE transcript_events SET event_json = CAST(replace(event_json, 'event 2', 'a' || CAST(X'FF' AS TEXT) || 'b') AS TEXT) WHERE seq = 2""";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        SqliteConnection.ClearAllPools();
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        var stats = new TranscriptReadStats();
        var turns = store.ReadEvents("s", stats).OfType<Turn>().ToList();
        Assert.Equal(["event 1", "a\uFFFDb"], turns.Select(t => t.Text));
        Assert.Empty(stats.Skipped);
    }

    [Fact]
    public void Opens_read_only_and_never_writes()
    {
        using var fixture = new FixtureDir();
        var files = new SafeFileAccess(fixture.Root);
        using var connection = files.OpenSqliteReadOnly(fixture.Path("agents", "main", "agent", "openclaw-agent.sqlite"));
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transcript_events";
        Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
    }

    [Fact]
    public void Reading_a_quiet_wal_store_leaves_no_files_beside_it()
    {
        using var temp = new TempDir();
        var dir = Path.Combine(temp.Path, "odd #dir %20");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "openclaw-agent.sqlite");
        StateDirFixture.WriteSqliteStore(path, new FixtureOptions { SqliteWal = true }, [new SqliteSession("s", Enumerable.Range(1, 10).Select(Line).ToList())]);
        Assert.Equal(["openclaw-agent.sqlite"], Directory.GetFiles(dir).Select(Path.GetFileName));
        using (var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path)))
        {
            Assert.Equal(10, store.ListSessions("x").Single().EventCount);
            Assert.Equal(10, store.ReadEvents("s", new TranscriptReadStats()).Count());
        }
        Assert.Equal(["openclaw-agent.sqlite"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Reads_while_a_live_writer_holds_an_open_transaction()
    {
        using var temp = new TempDir();
        var path = temp.Combine("live.sqlite");
        StateDirFixture.WriteSqliteStore(path, new FixtureOptions { SqliteWal = true }, [new SqliteSession("s", Enumerable.Range(1, 10).Select(Line).ToList())]);
        using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        writer.Open();
        using var tx = writer.BeginTransaction();
        using (var insert = writer.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO transcript_events(session_id, seq, event_json) VALUES ('s', 11, 'uncommitted')";
            insert.ExecuteNonQuery();
        }
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        Assert.Equal(10, store.ListSessions("x").Single().EventCount); // the committed snapshot only
        Assert.Equal(10, store.ReadEvents("s", new TranscriptReadStats()).Count());
        tx.Commit();
        Assert.Equal(11, store.ListSessions("x").Single().EventCount);
    }

    [Fact]
    public void An_older_store_without_metadata_tables_still_yields_sessions()
    {
        using var temp = new TempDir();
        var path = temp.Combine("old.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            StateDirFixture.Exec(connection, "CREATE TABLE transcript_events(session_id TEXT, seq INTEGER, event_json TEXT, created_at INTEGER, PRIMARY KEY(session_id, seq));");
            StateDirFixture.Exec(connection, $"INSERT INTO transcript_events VALUES ('s', 1, '{Line(2)}', 0)");
        }
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        var session = Assert.Single(store.ListSessions("main"));
        Assert.Equal((1L, null, null), (session.EventCount, session.SessionKey, session.Channel));
    }

    [Fact]
    public void Events_without_a_session_id_belong_to_no_session()
    {
        using var temp = new TempDir();
        var path = temp.Combine("loose.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            // No key: a hand-made or damaged store can hold anything.
            StateDirFixture.Exec(connection, "CREATE TABLE transcript_events(session_id, seq, event_json, created_at);");
            StateDirFixture.Exec(connection, $"INSERT INTO transcript_events VALUES (NULL, NULL, NULL, NULL), ('s', 1, '{Line(2)}', 0)");
        }
        using var store = SqliteTranscriptStore.Open(path, new SafeFileAccess(temp.Path));
        var session = Assert.Single(store.ListSessions("main"));
        Assert.Equal(("s", 1L), (session.SessionId, session.EventCount));
    }

    [Fact]
    public void A_corrupt_store_is_a_reported_problem_and_the_rest_is_still_read()
    {
        using var fixture = new FixtureDir();
        var path = fixture.Path("agents", "ops", "agent", "openclaw-agent.sqlite");
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        File.WriteAllText(path, "this is not a database");
        var catalog = SessionDiscovery.Discover(fixture.Open());
        Assert.DoesNotContain(catalog.Sessions, s => s.AgentId == "ops");
        Assert.Contains(catalog.Problems, p => p.Contains("agents/ops/agent/openclaw-agent.sqlite"));
        Assert.Contains(catalog.Sessions, s => s.AgentId == "main");
    }
}
