namespace ClawLearn.Storage;

/// <summary>
/// The PostgreSQL schema as ordered migrations, the same tables and meaning as <see cref="StoreMigrations"/>; the
/// table <c>clawlearn_schema</c> records how many have run. Text that is sorted or compared uses the "C" collation,
/// so orders match SQLite's byte order. Never edit a released migration: append a new one.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: the SQLite schema as of its migration 2, plus the change counter other processes watch.
        """
        CREATE TABLE sources(
          agent_id text COLLATE "C" NOT NULL, session_id text COLLATE "C" NOT NULL, kind text NOT NULL, path text NOT NULL,
          identity text NOT NULL, size bigint NOT NULL, modified_ticks bigint NOT NULL, position bigint NOT NULL,
          next_user_index integer NOT NULL, provider text, model text, meta_json text, PRIMARY KEY(agent_id, session_id));
        CREATE TABLE run_facts(
          agent_id text COLLATE "C" NOT NULL, session_id text COLLATE "C" NOT NULL, user_index integer NOT NULL, run_day text,
          facts_json text NOT NULL, PRIMARY KEY(agent_id, session_id, user_index));
        CREATE INDEX idx_run_facts_day ON run_facts(agent_id, run_day);
        CREATE TABLE traces(
          trace_id text COLLATE "C" PRIMARY KEY, agent_id text COLLATE "C" NOT NULL, timestamp bigint NOT NULL,
          trace_json text NOT NULL, origin text NOT NULL DEFAULT 'ingest');
        CREATE INDEX idx_traces_time ON traces(agent_id, timestamp, trace_id);
        CREATE TABLE events(
          id bigserial PRIMARY KEY, agent_id text COLLATE "C" NOT NULL, kind text NOT NULL, timestamp bigint NOT NULL,
          arm_ids_json text NOT NULL, reward double precision NOT NULL, reason text);
        CREATE INDEX idx_events_agent ON events(agent_id, timestamp, id);
        CREATE TABLE meta(key text COLLATE "C" PRIMARY KEY, value text NOT NULL);
        CREATE TABLE change_counter(id integer PRIMARY KEY, n bigint NOT NULL);
        INSERT INTO change_counter VALUES (1, 0);
        """,
        // 2: SQLite's migration 3, token usage per session, run, day and model.
        """
        CREATE TABLE usage(
          agent_id text COLLATE "C" NOT NULL, session_id text COLLATE "C" NOT NULL, user_index integer NOT NULL, day text COLLATE "C" NOT NULL,
          provider text COLLATE "C" NOT NULL, model text COLLATE "C" NOT NULL, messages bigint NOT NULL, input bigint NOT NULL,
          output bigint NOT NULL, cache_read bigint NOT NULL, cache_write bigint NOT NULL, total bigint NOT NULL,
          cost double precision NOT NULL, first_ms bigint, last_ms bigint,
          PRIMARY KEY(agent_id, session_id, user_index, day, provider, model));
        """,
    ];
}
