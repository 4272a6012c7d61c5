using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Usage;

namespace ClawLearn.Storage;

/// <summary>
/// Where learning data lives. SQLite implements it; a second engine (PostgreSQL) can. Traces are upserted by
/// trace id; posteriors are not stored but derived from traces plus the stored reward and reset events.
/// </summary>
public interface ILearningStore : IDisposable
{
    /// <summary>Where the store is: a file path, or a database URL without its password.</summary>
    string Location { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction.</summary>
    void InTransaction(Action work);

    IReadOnlyList<SourceCursor> Cursors(string agentId);
    void SaveCursor(SourceCursor cursor);

    /// <summary>
    /// Replaces a session's run facts from <paramref name="fromUserIndex"/> on. Returns the earliest time of a run this
    /// added, removed or gave other facts (old time or new), or null when none that has a time changed.
    /// </summary>
    long? ReplaceFacts(string agentId, string sessionId, int fromUserIndex, IEnumerable<RunFacts> facts);
    IEnumerable<RunFacts> Facts(string agentId);

    /// <summary>
    /// Saves what reading one session gave, atomically: its run facts from <paramref name="factsFrom"/> on (as
    /// <see cref="ReplaceFacts"/>, whose result it returns), its usage rows from <paramref name="usageFrom"/> on (as
    /// <see cref="ReplaceUsage"/>) and its cursor. An engine with a network round trip per statement sends it at once.
    /// </summary>
    long? SaveSession(SourceCursor cursor, int factsFrom, IReadOnlyList<RunFacts> facts, int usageFrom, IReadOnlyList<UsageRow> usage)
    {
        long? changed = null;
        InTransaction(() =>
        {
            changed = ReplaceFacts(cursor.AgentId, cursor.SessionId, factsFrom, facts);
            ReplaceUsage(cursor.AgentId, cursor.SessionId, usageFrom, usage);
            SaveCursor(cursor);
        });
        return changed;
    }
    /// <summary>How many run facts are stored for the agent.</summary>
    long CountFacts(string agentId) => Facts(agentId).LongCount();
    /// <summary>Replaces a session's usage rows from <paramref name="fromUserIndex"/> on (-1: the whole session).</summary>
    void ReplaceUsage(string agentId, string sessionId, int fromUserIndex, IEnumerable<UsageRow> rows);
    /// <summary>The agent's usage rows, by session, run, day, provider and model, streamed.</summary>
    IEnumerable<UsageRow> Usage(string agentId);
    /// <summary>Sessions with a run whose UTC day is one of <paramref name="days"/>.</summary>
    IReadOnlyList<string> SessionsOnDays(string agentId, IEnumerable<DateOnly> days);

    /// <summary>
    /// Makes the agent's stored ingest traces exactly <paramref name="traces"/>; returns (added, changed, removed).
    /// With <paramref name="fromTimestamp"/>, only the stored ones at or after that time are compared and removed
    /// (the caller knows the earlier ones are unchanged and passes only the later ones). <paramref name="traces"/> may be
    /// enumerated on another thread, ahead of the writes: it must not read the store.
    /// </summary>
    (int Added, int Changed, int Removed) SyncTraces(string agentId, IEnumerable<RunTrace> traces, long? fromTimestamp = null);
    /// <summary>
    /// Records one trace that did not come from ingest (a live run posted to the API). Ingest never removes such
    /// traces, though it replaces one when it derives a trace with the same id from the transcripts.
    /// </summary>
    TraceWrite UpsertRecordedTrace(string agentId, RunTrace trace);
    /// <summary>
    /// A number that changes whenever another connection or process commits to the store, so a long-running
    /// reader (the API server) knows its in-memory view went stale. Own writes do not change it.
    /// </summary>
    long ExternalChangeStamp();

    /// <summary>
    /// Called by ingest before it writes anything. When the store holds nothing yet (no traces, run facts, events,
    /// cursors or usage rows of any agent: a first ingest), an engine may write what follows without waiting for the
    /// disk, since all of it can be derived again from history; it must stay safe if the process is stopped. Returns
    /// whether it did.
    /// </summary>
    bool PrepareBulkLoad() => false;

    /// <summary>Traces newest first (ties by trace id), streamed.</summary>
    IEnumerable<RunTrace> TracesNewestFirst(string agentId, int limit = int.MaxValue, int offset = 0);
    /// <summary>Traces oldest first (timestamp, then trace id): the order posteriors are computed in.</summary>
    IEnumerable<RunTrace> TracesInTimeOrder(string agentId);
    long CountTraces(string agentId);

    long AddEvent(string agentId, LearningEvent e);
    IReadOnlyList<LearningEvent> Events(string agentId);

    string? GetMeta(string key);
    void SetMeta(string key, string value);
    void DeleteMeta(string key);
    IReadOnlyList<(string Key, string Value)> MetaWithPrefix(string prefix);
}
