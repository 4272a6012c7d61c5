namespace ClawLearn.Storage;

/// <summary>
/// The store schema as ordered migrations; <c>PRAGMA user_version</c> records how many have run. Never edit a
/// released migration: append a new one.
/// </summary>
internal static class StoreMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: cursors, run facts, traces, events, metadata
        """
        CREATE TABLE sources(
          agent_id TEXT NOT NULL, session_id TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, identity TEXT NOT NULL,
          size INTEGER NOT NULL, modified_ticks INTEGER NOT NULL, position INTEGER NOT NULL, next_user_index INTEGER NOT NULL,
          provider TEXT, model TEXT, meta_json TEXT, PRIMARY KEY(agent_id, session_id));
        CREATE TABLE run_facts(
          agent_id TEXT NOT NULL, session_id TEXT NOT NULL, user_index INTEGER NOT NULL, run_day TEXT, facts_json TEXT NOT NULL,
          PRIMARY KEY(agent_id, session_id, user_index));
        CREATE INDEX idx_run_facts_day ON run_facts(agent_id, run_day);
        CREATE TABLE traces(
          trace_id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, timestamp INTEGER NOT NULL, trace_json TEXT NOT NULL);
        CREATE INDEX idx_traces_time ON traces(agent_id, timestamp, trace_id);
        CREATE TABLE events(
          id INTEGER PRIMARY KEY AUTOINCREMENT, agent_id TEXT NOT NULL, kind TEXT NOT NULL, timestamp INTEGER NOT NULL,
          arm_ids_json TEXT NOT NULL, reward REAL NOT NULL, reason TEXT);
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 2: where a trace came from. Ingest owns the traces it derives from transcripts and replaces them
        // wholesale; traces recorded through the API (a live gateway) are not in any transcript yet, so a
        // re-ingest must leave them alone.
        """
        ALTER TABLE traces ADD COLUMN origin TEXT NOT NULL DEFAULT 'ingest';
        """,
        // 3: token usage per session, run, day and model, including the messages before a session's first user
        // turn, which no run (and so no trace) holds. Filled by the next ingest, which reads every source again once.
        """
        CREATE TABLE usage(
          agent_id TEXT NOT NULL, session_id TEXT NOT NULL, user_index INTEGER NOT NULL, day TEXT NOT NULL, provider TEXT NOT NULL,
          model TEXT NOT NULL, messages INTEGER NOT NULL, input INTEGER NOT NULL, output INTEGER NOT NULL, cache_read INTEGER NOT NULL,
          cache_write INTEGER NOT NULL, total INTEGER NOT NULL, cost REAL NOT NULL, first_ms INTEGER, last_ms INTEGER,
          PRIMARY KEY(agent_id, session_id, user_index, day, provider, model));
        """,
        // 4: traces stored compactly (TraceCodec), their arms by number in the arm dictionary. The JSON traces are
        // converted in code (SqliteLearningStore.ConvertJsonTraces) from the renamed old table, which is then dropped.
        """
        ALTER TABLE traces RENAME TO traces_json;
        DROP INDEX idx_traces_time;
        CREATE TABLE arms(arm_no INTEGER PRIMARY KEY, arm_id TEXT NOT NULL UNIQUE);
        CREATE TABLE traces(
          trace_id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, timestamp INTEGER NOT NULL, origin TEXT NOT NULL, trace BLOB NOT NULL);
        CREATE INDEX idx_traces_time ON traces(agent_id, timestamp, trace_id);
        """,
    ];

    /// <summary>The migration after which JSON traces are converted to the compact form (1-based, as user_version counts).</summary>
    public const int CompactTraces = 4;
}
