using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Tests.Fixtures;

public static partial class StateDirFixture
{
    /// <summary>The tables of OpenClaw's agent store that ClawLearn reads, plus one it must ignore.</summary>
    public const string SqliteSchema = """
        CREATE TABLE transcript_events(session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT NOT NULL, created_at INTEGER, PRIMARY KEY(session_id, seq));
        CREATE TABLE session_windows(session_id TEXT PRIMARY KEY, session_key TEXT, previous_session_id TEXT, reason TEXT, created_at INTEGER, updated_at INTEGER, channel TEXT, chat_type TEXT, model_provider TEXT, model TEXT, display_name TEXT);
        CREATE TABLE session_nodes(session_key TEXT PRIMARY KEY, current_session_id TEXT, entry_json TEXT, updated_at INTEGER, created_via TEXT, label TEXT, display_name TEXT);
        CREATE TABLE message_tool_run_outcomes(run_id TEXT, session_key TEXT, agent_id TEXT, provider TEXT, model TEXT, outcome TEXT, run_status TEXT, occurred_at INTEGER);
        """;

    public static void WriteSqliteStore(string path, FixtureOptions options, IEnumerable<SqliteSession> sessions)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) File.Delete(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Exec(connection, options.SqliteWal ? "PRAGMA journal_mode=WAL;" : "PRAGMA journal_mode=DELETE;");
        Exec(connection, SqliteSchema);
        using var tx = connection.BeginTransaction();
        foreach (var session in sessions)
        {
            var seq = 0;
            foreach (var json in session.Events)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO transcript_events(session_id, seq, event_json, created_at) VALUES ($s, $q, $j, $c)";
                insert.Parameters.AddWithValue("$s", session.SessionId);
                insert.Parameters.AddWithValue("$q", ++seq);
                insert.Parameters.AddWithValue("$j", json);
                insert.Parameters.AddWithValue("$c", 1771578000000 + seq);
                insert.ExecuteNonQuery();
            }
            using var window = connection.CreateCommand();
            window.CommandText = "INSERT INTO session_windows(session_id, session_key, reason, created_at, channel, model_provider, model) VALUES ($s, $k, 'initial', 1771578000000, $ch, $p, $m)";
            window.Parameters.AddWithValue("$s", session.SessionId);
            window.Parameters.AddWithValue("$k", (object?)session.SessionKey ?? DBNull.Value);
            window.Parameters.AddWithValue("$ch", (object?)session.Channel ?? DBNull.Value);
            window.Parameters.AddWithValue("$p", (object?)session.Provider ?? DBNull.Value);
            window.Parameters.AddWithValue("$m", (object?)session.Model ?? DBNull.Value);
            window.ExecuteNonQuery();
            if (session.NodeEntryJson is not null && session.SessionKey is not null)
            {
                using var node = connection.CreateCommand();
                node.CommandText = "INSERT INTO session_nodes(session_key, current_session_id, entry_json, updated_at, created_via) VALUES ($k, $s, $e, 1771578000000, 'channel')";
                node.Parameters.AddWithValue("$k", session.SessionKey);
                node.Parameters.AddWithValue("$s", session.SessionId);
                node.Parameters.AddWithValue("$e", session.NodeEntryJson);
                node.ExecuteNonQuery();
            }
        }
        tx.Commit();
    }

    internal static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static IEnumerable<SqliteSession> MainSqliteSessions()
    {
        var t = new DateTimeOffset(2026, 2, 21, 18, 0, 0, TimeSpan.Zero);
        var only = new RealTranscript("k")
            .Header(SessionIds.SqliteOnly, t)
            .ModelChange(t, "anthropic", "claude-sonnet-4-5")
            .User(t.AddSeconds(1), "[Discord #homelab] dave: is the backup job green?")
            .Assistant(t.AddSeconds(5), "Checking the cron log.", [("toolu_08A", "exec", new JsonObject { ["command"] = "journalctl -u restic --since today" })],
                new ReportedUsage(1100, 50, 4000, 0), "toolUse", model: "claude-sonnet-4-5")
            .ToolResult(t.AddSeconds(6), "toolu_08A", "exec", "restic: snapshot 9f3c saved")
            .Assistant(t.AddSeconds(10), "Yes, last night's snapshot 9f3c was saved.", usage: new ReportedUsage(1200, 30, 4000, 0), model: "claude-sonnet-4-5")
            .User(t.AddMinutes(3), "thanks");
        // The run after "thanks" has no assistant turn yet: a pending run.
        var entry = new JsonObject
        {
            ["sessionId"] = SessionIds.SqliteOnly,
            ["updatedAt"] = 1771696800000,
            ["channel"] = "discord",
            ["label"] = "homelab backups",
            ["chatType"] = "channel",
        };
        yield return new SqliteSession(SessionIds.SqliteOnly, only.Lines, "agent:main:discord:channel:112233445566778899", "discord",
            "anthropic", "claude-sonnet-4-5", entry.ToJsonString());
        // The topic session migrated to SQLite: same events, so SQLite wins the tie.
        yield return new SqliteSession(SessionIds.Topic, TopicTranscript().Lines, "agent:main:telegram:group:-1001234567890:topic:42", "telegram");
        // A partial import of the old session: fewer events than the JSONL file, so the file wins.
        yield return new SqliteSession(SessionIds.Old, OldTranscript().Lines.Take(4).ToList(), null, null);
    }

    private static void WriteOpsAgent(string root, FixtureOptions options)
    {
        // The 2026.9 layout: no sessions.json, transcripts only in SQLite, sessions/ holds only archives.
        var t = new DateTimeOffset(2026, 2, 19, 6, 0, 0, TimeSpan.Zero);
        var a = new RealTranscript("m")
            .Header(SessionIds.OpsA, t)
            .ModelChange(t, "openai", "gpt-5.2")
            .User(t.AddSeconds(1), "Rotate the nginx logs on the edge box.")
            .Assistant(t.AddSeconds(6), "Rotated; 3 files compressed.", [("call_9A", "bash", new JsonObject { ["command"] = "logrotate -f /etc/logrotate.d/nginx" })],
                new ReportedUsage(700, 40, 0, 0), "toolUse", provider: "openai", model: "gpt-5.2")
            .ToolResult(t.AddSeconds(7), "call_9A", "bash", "ok")
            .Assistant(t.AddSeconds(9), "Done.", usage: new ReportedUsage(720, 5, 0, 0), provider: "openai", model: "gpt-5.2");
        var b = new RealTranscript("n")
            .Header(SessionIds.OpsB, t.AddHours(3))
            .User(t.AddHours(3).AddSeconds(1), "Any failed systemd units?")
            .Assistant(t.AddHours(3).AddSeconds(4), "None.", usage: new ReportedUsage(400, 3, 0, 0), provider: "openai", model: "gpt-5.2");
        WriteSqliteStore(Path.Combine(root, "agents", "ops", "agent", "openclaw-agent.sqlite"), options,
        [
            new SqliteSession(SessionIds.OpsA, a.Lines, "agent:ops:cron:logrotate", null, "openai", "gpt-5.2"),
            new SqliteSession(SessionIds.OpsB, b.Lines, "agent:ops:slack:channel:C0OPS", "slack", "openai", "gpt-5.2"),
        ]);
        var deleted = new RealTranscript("o").Header(SessionIds.OpsDeleted, t.AddDays(-3))
            .User(t.AddDays(-3), "Old question.").Assistant(t.AddDays(-3).AddSeconds(2), "Old answer.", usage: new ReportedUsage(100, 5, 0, 0));
        Write(Path.Combine(SessionsDir(root, "ops"), $"{SessionIds.OpsDeleted}.jsonl.deleted.2026-02-17T10-00-00.000Z"), deleted.ToText());
    }

    private static void WriteResearchAgent(string root)
    {
        var dir = SessionsDir(root, "research");
        Write(Path.Combine(dir, "sessions.json"), """
            [
              {"id":"r-2026-01-12-a1","name":"vector DB comparison","created_at":"2026-01-12T09:00:00Z","updated_at":"2026-01-12T10:12:00Z","message_count":6,"agent_id":"research"},
              {"id":"r-2026-02-03-b2","name":"RAG eval harness","created_at":"2026-02-03T15:00:00Z","updated_at":"2026-02-03T16:40:00Z","message_count":8,"agent_id":"research"},
              {"id":"r-2026-02-18-c3","name":"paper triage (topic 7)","created_at":"2026-02-18T07:30:00Z","updated_at":"2026-02-18T08:05:00Z","message_count":4,"agent_id":"research"}
            ]
            """);
        Write(Path.Combine(dir, $"{SessionIds.ResearchA}.jsonl"), string.Join("\n",
            """{"role": "user", "content": "Compare pgvector vs Qdrant for 5M embeddings", "timestamp": "2026-01-12T09:01:00Z"}""",
            """{"role": "tool", "name": "web_search", "input": {"query": "pgvector hnsw 5M benchmark"}, "timestamp": "2026-01-12T09:01:05Z"}""",
            """{"role": "tool_result", "name": "web_search", "content": "pgvector 0.7 HNSW: 5M vectors, p95 12 ms", "timestamp": "2026-01-12T09:01:09Z"}""",
            """{"role": "assistant", "content": "pgvector+HNSW is fine up to ~10M on a single node; Qdrant if filtering-heavy.", "timestamp": "2026-01-12T09:02:00Z"}""") + "\n");
        Write(Path.Combine(dir, $"{SessionIds.ResearchB}.jsonl"), string.Join("\n",
            $$"""{"role": "user", "content": "Set up the RAG eval harness; the repo token is {{Canaries.ContentGithubToken}}", "timestamp": "2026-02-03T15:00:30Z"}""",
            """{"role": "tool", "name": "read_file", "input": {"path": "/home/alice/rag/eval.py"}, "timestamp": "2026-02-03T15:01:00Z"}""",
            """{"role": "tool_result", "name": "read_file", "content": {"type": "text", "text": "def evaluate(): ..."}, "timestamp": "2026-02-03T15:01:01Z"}""",
            """{"role": "assistant", "content": {"type": "text", "text": "The harness runs ragas on 200 questions."}, "timestamp": "2026-02-03T15:03:00Z"}""",
            """{"role": "user", "content": "And the baseline?", "timestamp": "2026-02-03T16:00:00Z"}""",
            """{"role": "assistant", "content": [{"type": "text", "text": "Baseline faithfulness is 0.71."}, {"type": "text", "text": "Answer relevancy 0.83."}], "timestamp": "2026-02-03T16:01:00Z"}""") + "\n");
        Write(Path.Combine(dir, $"{SessionIds.ResearchTopic}-topic-7.jsonl"), string.Join("\n",
            """{"role": "user", "content": "Triage the three new retrieval papers", "timestamp": "2026-02-18T07:31:00Z"}""",
            """{"role": "assistant", "content": "Read ColBERTv3 first; the other two are incremental.", "timestamp": "2026-02-18T07:35:00Z"}""") + "\n");
    }

    private static void WriteLegacySessions(string root)
    {
        // Before per-agent folders, transcripts lived in <state dir>/sessions (simplified lines here).
        Write(Path.Combine(root, "sessions", $"{SessionIds.Legacy}.jsonl"), string.Join("\n",
            """{"role": "user", "content": "Set a reminder for the boiler service", "timestamp": "2025-12-30T18:00:00Z"}""",
            """{"role": "tool", "name": "cron_add", "input": {"when": "2026-01-15T09:00:00Z", "text": "boiler service"}, "timestamp": "2025-12-30T18:00:03Z"}""",
            """{"role": "assistant", "content": "Reminder set for January 15.", "timestamp": "2025-12-30T18:00:05Z"}""") + "\n");
    }
}
