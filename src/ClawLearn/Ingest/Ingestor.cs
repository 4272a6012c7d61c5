using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClawLearn.Runs;
using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Storage;
using ClawLearn.Transcripts;
using ClawLearn.Usage;

namespace ClawLearn.Ingest;

/// <summary>
/// Incremental ingest: each session's source is read from where the last ingest stopped (its last run, read
/// again so a pending or growing run completes); a file that shrank or changed identity is read again from the
/// start; a workspace change re-reads what it affects. Then the agent's traces are rebuilt from its run facts and
/// synced to the store (upsert by trace id). Unchanged history is skipped without opening a transcript.
/// </summary>
public sealed class Ingestor(StateDirectory state, Func<string, ILearningStore> openStore, IngestOptions options)
{
    private const int IdentityBytes = 1024;
    private const int WriteBatchSessions = 200;
    // How far reading may run ahead of the store writes. Only run facts are held (a few KB a session), and a long
    // way ahead keeps every core busy while one of them reads a single huge transcript.
    private const int ReadAheadSessions = 1024;

    /// <summary>Ingests every agent (or the one asked for); <paramref name="progress"/> gets (done, total, session).</summary>
    public IReadOnlyList<AgentIngestResult> Run(Action<int, int, string>? progress = null)
    {
        var agents = state.AgentsOrOnly(options.AgentId);
        // The session indexes are parsed while the stores' cursors are read, the sources listed and the first sessions read.
        var indexReads = SessionDiscovery.StartIndexReads(state, new DiscoveryOptions { AgentId = options.AgentId });
        var stores = new List<ILearningStore>();
        try
        {
            foreach (var agent in agents) stores.Add(openStore(agent.Id));
            // Asked of every store before any is written to, so agents sharing one file all see it as it was.
            foreach (var store in stores) store.PrepareBulkLoad();
            var cursors = options.Full ? null : agents.Select((a, i) => (Stamp: stores[i].ExternalChangeStamp(), Cursors: stores[i].Cursors(a.Id))).ToList();
            var known = KnownFiles(cursors);
            _timings.Mark("known files");
            var listing = SessionDiscovery.List(state, new DiscoveryOptions
            {
                IncludeArchived = options.IncludeArchived,
                AgentId = options.AgentId,
                // None known (a first ingest): every file is probed, and discovery then judges and opens each once.
                KnownSessionId = known.Count == 0 ? null
                    : (path, size, modified) => known.TryGetValue(path, out var k) && k.Size == size && k.Modified == modified ? k.SessionId : null,
            });
            _timings.Mark("discovery");
            var plans = new List<AgentPlan>();
            for (var i = 0; i < agents.Count; i++)
            {
                var (agent, store) = (agents[i], stores[i]);
                // The cursors read for discovery serve again, unless another process wrote to the store since.
                var read = cursors?[i] is { } c && c.Stamp == store.ExternalChangeStamp() ? c.Cursors : store.Cursors(agent.Id);
                plans.Add(Plan(agent, store, read, listing.Agents[i].Sources));
            }
            _timings.Mark("workspace and cursors");
            // One read pipeline for all agents: while one agent's traces are built and stored, the workers already read
            // the next agent's sessions (reading needs nothing the store holds; every store write stays on this thread).
            var work = plans.SelectMany(plan => plan.ToRead.Select(i => (Plan: plan, Session: i))).ToList();
            using var reads = new OrderedParallel<SessionReader, SessionRead>(work.Count, Environment.ProcessorCount, ReadAheadSessions,
                () => new SessionReader(state.Files, _lines),
                (reader, k) =>
                {
                    var (plan, i) = work[k];
                    return ReadSession(plan.Sources[i], plan.Cursors.GetValueOrDefault(plan.Sources[i].SessionId), reader);
                });
            // Reading needs no session metadata; saving does, from the first session on. It comes from the session indexes,
            // parsed meanwhile on their own threads (a big install's main index takes half a second).
            var catalog = SessionDiscovery.Describe(state, listing, indexReads);
            foreach (var plan in plans) plan.Describe(catalog.Sessions.Where(s => s.AgentId == plan.Agent.Id).ToList());
            _timings.Mark("session indexes");
            var (done, total, taken) = (0, catalog.Sessions.Count, 0);
            var results = new List<AgentIngestResult>();
            foreach (var plan in plans)
            {
                results.Add(IngestAgent(plan, reads, taken, catalog.Problems, () => progress?.Invoke(++done, total, "")));
                taken += plan.ToRead.Count;
            }
            return results;
        }
        finally
        {
            foreach (var store in stores) store.Dispose();
        }
    }

    // The files the stores already have a cursor for: unchanged ones need no header probe.
    private static Dictionary<string, (long Size, long Modified, string SessionId)> KnownFiles(List<(long Stamp, IReadOnlyList<SourceCursor> Cursors)>? cursors)
    {
        var known = new Dictionary<string, (long, long, string)>(StringComparer.Ordinal);
        foreach (var c in cursors?.SelectMany(a => a.Cursors) ?? [])
        {
            if (c.Kind != nameof(SessionSourceKind.Sqlite)) known[c.Path] = (c.Size, c.ModifiedTicks, c.SessionId);
        }
        return known;
    }

    /// <summary>
    /// What ingest knows about one agent before its sources are read: its workspace, its cursors (stale ones
    /// invalidated), the sessions to read, and the state of the last trace sync.
    /// </summary>
    private sealed class AgentPlan
    {
        public required AgentLayout Agent { get; init; }
        public required ILearningStore Store { get; init; }
        public required WorkspaceSnapshot Snapshot { get; init; }
        public required Dictionary<string, SourceCursor> Cursors { get; init; }
        /// <summary>The agent's sessions as discovery listed them, in session id order.</summary>
        public required IReadOnlyList<SessionSource> Sources { get; init; }
        /// <summary>The indices in <see cref="Sources"/> of those that changed since the last ingest, in order.</summary>
        public required List<int> ToRead { get; init; }
        public required HashSet<string> Stale { get; init; }
        public required bool NotesChanged { get; init; }
        public required bool WorkspaceChanged { get; init; }
        public required SessionCounts Counts { get; init; }
        /// <summary>The "unsynced" mark the store held when ingest started (see <see cref="Plan"/>).</summary>
        public required string? Unsynced { get; init; }
        /// <summary>The sessions of <see cref="Sources"/> with their metadata, in the same order (set by <see cref="Describe"/>).</summary>
        public List<SessionInfo> Sessions { get; private set; } = [];
        /// <summary>Each session's metadata as its cursor stores it.</summary>
        public List<string> MetaJson { get; private set; } = [];

        public void Describe(List<SessionInfo> sessions)
        {
            if (sessions.Count != Sources.Count) throw new InvalidOperationException("discovery described a different set of sessions than it listed");
            Sessions = sessions;
            MetaJson = sessions.Select(s => SourceCursor.Serialize(SessionMeta.From(s))).ToList();
        }
    }

    private AgentPlan Plan(AgentLayout agent, ILearningStore store, IReadOnlyList<SourceCursor> storedCursors, IReadOnlyList<SessionSource> sources)
    {
        var snapshot = WorkspaceSnapshot.Read(state, agent);
        _targets[agent.Id] = snapshot.Targets;
        var cursors = storedCursors.ToDictionary(c => c.SessionId, StringComparer.Ordinal);
        var storedFingerprint = store.GetMeta($"workspace:{agent.Id}");
        // A store from before usage was kept has none: every source is read again once, from the start, to fill it.
        var usageMissing = cursors.Count > 0 && store.GetMeta(UsageMetaKey(agent.Id)) is null;
        var (stale, notesChanged) = options.Full || usageMissing
            ? (cursors.Keys.ToHashSet(), false)
            : StaleSessions(agent.Id, store, snapshot, storedFingerprint, cursors.Keys);
        // Stale cursors are invalidated, not deleted: a session whose transcript is gone keeps its metadata (key,
        // channel, sub-agent flag), so its traces survive a rebuild unchanged apart from what the workspace changed.
        foreach (var sessionId in stale.Where(cursors.ContainsKey))
        {
            var invalid = cursors[sessionId] with { Size = -1, ModifiedTicks = -1, Identity = "" };
            store.SaveCursor(invalid);
            cursors[sessionId] = invalid;
        }
        // With no run facts stored for the agent yet (a first ingest), what this ingest writes is all the store holds:
        // traces are then built from those facts as they are, not read back and deserialised.
        var counts = new SessionCounts { Written = store.CountFacts(agent.Id) == 0 ? [] : null };
        // Traces not yet synced to the facts saved: marked in the same transactions as the facts and cleared once the
        // traces are synced, so an ingest stopped in between (killed, or its trace sync failed) is finished by the next
        // one, which would otherwise see those facts as unchanged. "all", or the earliest run time to rebuild from.
        var unsynced = store.GetMeta(UnsyncedKey(agent.Id));
        if (unsynced != "all" && long.TryParse(unsynced, CultureInfo.InvariantCulture, out var unsyncedFrom)) counts.Changed(unsyncedFrom);
        return new AgentPlan
        {
            Agent = agent,
            Store = store,
            Snapshot = snapshot,
            Cursors = cursors,
            Sources = sources,
            ToRead = Enumerable.Range(0, sources.Count).Where(i => !IsUnchanged(sources[i], cursors.GetValueOrDefault(sources[i].SessionId))).ToList(),
            Stale = stale,
            NotesChanged = notesChanged,
            WorkspaceChanged = storedFingerprint != snapshot.Fingerprint,
            Counts = counts,
            Unsynced = unsynced,
        };
    }

    private static string UnsyncedKey(string agentId) => $"unsynced:{agentId}";

    // Saves the agent's reads (items firstRead … of the shared pipeline), then rebuilds and syncs its traces.
    private AgentIngestResult IngestAgent(AgentPlan plan, OrderedParallel<SessionReader, SessionRead> reads, int firstRead,
        IReadOnlyList<string> discoveryProblems, Action tick)
    {
        var (agent, store, snapshot, cursors, sessions, counts) = (plan.Agent, plan.Store, plan.Snapshot, plan.Cursors, plan.Sessions, plan.Counts);
        var problems = new List<string>();
        var reset = sessions.Count(s => plan.Stale.Contains(s.SessionId));
        var unsyncedKey = UnsyncedKey(agent.Id);
        var unsyncedAll = plan.Unsynced == "all";
        var marked = plan.Unsynced;
        var next = 0;
        // Store writes are batched: one transaction per batch of sessions, not one per session.
        foreach (var batch in Enumerable.Range(0, sessions.Count).Chunk(WriteBatchSessions))
        {
            store.InTransaction(() =>
            {
                foreach (var i in batch)
                {
                    tick();
                    if (next < plan.ToRead.Count && plan.ToRead[next] == i)
                        Save(sessions[i], reads.Take(firstRead + next++), cursors.GetValueOrDefault(sessions[i].SessionId), plan.MetaJson[i], store, counts, problems);
                    else SaveUnchanged(cursors[sessions[i].SessionId], plan.MetaJson[i], store, counts);
                }
                var mark = counts.MetaChanged || unsyncedAll ? "all" : counts.ChangedFrom?.ToString(CultureInfo.InvariantCulture);
                if (mark is not null && mark != marked) store.SetMeta(unsyncedKey, mark);
                marked = mark ?? marked;
            });
        }
        var (read, unchanged, lines, skipped, metaChanged) = (counts.Read, counts.Unchanged, counts.Lines, counts.Skipped, counts.MetaChanged);
        _timings.Mark("read and save sessions");

        int added = 0, changed = 0, removed = 0, pending = 0, noTime = 0;
        var configKey = ConfigKey();
        var everything = metaChanged || plan.WorkspaceChanged || plan.NotesChanged || plan.Stale.Count > 0 || store.GetMeta($"config:{agent.Id}") != configKey
            || counts.Written is not null || unsyncedAll;
        var rebuild = read > 0 || everything || plan.Unsynced is not null;
        long? rebuiltFrom = null;
        if (rebuild)
        {
            var metas = Metas(cursors, sessions, counts.NotSaved);
            var built = new TraceBuilder(snapshot.Inventory, options.Learning)
                .Build(FactsInStoreOrder(store, agent.Id, counts.Written), id => metas.GetValueOrDefault(id));
            // When only transcripts grew, the traces before the earliest run that changed are as they were: what a run
            // had depends on the runs before it, not after. They are rebuilt from there on, unless the component
            // costs the session reports give (which every trace carries) changed too.
            var costsKey = $"costs:{agent.Id}";
            long? from = everything || store.GetMeta(costsKey) != built.CostKey ? null : counts.ChangedFrom ?? long.MaxValue;
            _timings.Mark("build traces");
            (added, changed, removed) = store.SyncTraces(agent.Id, built.TracesFrom(from), from);
            _timings.Mark("store traces");
            (pending, noTime, rebuiltFrom) = (built.Pending, built.SkippedNoTime, from);
            store.SetMeta(costsKey, built.CostKey);
            store.SetMeta($"workspace:{agent.Id}", snapshot.Fingerprint);
            foreach (var (key, _) in store.MetaWithPrefix($"note:{agent.Id}:")) store.DeleteMeta(key);
            foreach (var (date, hash) in snapshot.NoteHashes) store.SetMeta($"note:{agent.Id}:{date:yyyy-MM-dd}", hash);
            store.SetMeta($"config:{agent.Id}", configKey);
            store.SetMeta($"counts:{agent.Id}", $"{pending} {noTime}");
            if (marked is not null) store.DeleteMeta(unsyncedKey);
        }
        else if (store.GetMeta($"counts:{agent.Id}") is { } stored && stored.Split(' ') is [var p, var n])
        {
            (pending, noTime) = (int.Parse(p), int.Parse(n));
        }
        if (store.GetMeta(UsageMetaKey(agent.Id)) is null) store.SetMeta(UsageMetaKey(agent.Id), "1");

        _timings.Mark("finish");
        problems.InsertRange(0, discoveryProblems.Where(p => p.StartsWith($"agents/{agent.Id}/", StringComparison.Ordinal)));
        return new AgentIngestResult(agent.Id, store.Location, read, unchanged, reset, lines, skipped,
            added, changed, removed, store.CountTraces(agent.Id), pending, noTime, plan.WorkspaceChanged, rebuild, problems) { RebuiltFromMs = rebuiltFrom };
    }

    // Every session's metadata as the store now holds it. For the sessions discovery found, that is what was just written
    // from them, and they share their index entry's prompt report; deserialising every stored copy instead held a
    // second set of reports (tens of MB on a 10,000-session install) while the traces were built. The others keep
    // what their cursor, as read at the start of this ingest, holds: this ingest wrote none of them.
    private static Dictionary<string, SessionMeta> Metas(Dictionary<string, SourceCursor> cursors, List<SessionInfo> sessions, HashSet<string> notSaved)
    {
        var metas = new Dictionary<string, SessionMeta>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            if (!notSaved.Contains(session.SessionId)) metas[session.SessionId] = SessionMeta.From(session);
        }
        foreach (var cursor in cursors.Values)
        {
            if (cursor.MetaJson is not null && !metas.ContainsKey(cursor.SessionId)) metas[cursor.SessionId] = cursor.Meta!;
        }
        return metas;
    }

    /// <summary>Set once the agent's usage rows cover every source ingest has read (stores from before usage lack it).</summary>
    public static string UsageMetaKey(string agentId) => $"usage:{agentId}";

    private sealed class SessionCounts
    {
        public int Read, Unchanged;
        public long Lines, Skipped;
        public bool MetaChanged;
        /// <summary>Facts written, per session, while the store held none before; null when that does not hold.</summary>
        public List<(string SessionId, IReadOnlyList<RunFacts> Facts)>? Written;
        /// <summary>Sessions whose cursor (with its metadata) this ingest could not write.</summary>
        public HashSet<string> NotSaved { get; } = new(StringComparer.Ordinal);
        /// <summary>The earliest time of a run whose facts were added, removed or changed (old time or new); null when none was.</summary>
        public long? ChangedFrom;

        public void Changed(long? timestamp)
        {
            if (timestamp is { } t && (ChangedFrom is null || t < ChangedFrom)) ChangedFrom = t;
        }
    }

    // The facts the store holds, in its order (session id as SQLite compares text, i.e. by UTF-8 bytes; then user
    // index): the ones just written when they are provably all of them (the same count, nothing else written),
    // else read back from the store.
    private static IEnumerable<RunFacts> FactsInStoreOrder(ILearningStore store, string agentId, List<(string SessionId, IReadOnlyList<RunFacts> Facts)>? written)
    {
        if (written is null || written.Sum(w => (long)w.Facts.Count) != store.CountFacts(agentId)) return store.Facts(agentId);
        return written
            .OrderBy(w => Encoding.UTF8.GetBytes(w.SessionId), Utf8Order.Instance)
            .SelectMany(w => w.Facts.OrderBy(f => f.UserIndex));
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static Utf8Order Instance { get; } = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    private static bool IsUnchanged(SessionSource source, SourceCursor? cursor)
    {
        var (size, modified) = SizeAndTime(source);
        return cursor is not null && cursor.Kind == source.Kind.ToString() && cursor.Path == source.Path
            && cursor.Size == size && cursor.ModifiedTicks == modified;
    }

    // An unchanged source is not read; its metadata (key, channel, report) is still refreshed.
    private static void SaveUnchanged(SourceCursor cursor, string meta, ILearningStore store, SessionCounts counts)
    {
        counts.Unchanged++;
        if (cursor.MetaJson == meta) return;
        store.SaveCursor(cursor with { MetaJson = meta });
        counts.MetaChanged = true;
    }

    /// <summary>
    /// What reading one session gave: its run facts from <see cref="FromIndex"/> on, its usage rows from
    /// <see cref="UsageFrom"/> on, and its next cursor (without the session's metadata, which reading does not know);
    /// or a problem.
    /// </summary>
    private sealed record SessionRead(string SessionId, int FromIndex, IReadOnlyList<RunFacts> Facts, int UsageFrom, IReadOnlyList<UsageRow> Usage,
        SourceCursor? Next, TranscriptReadStats Stats, string? Problem);

    private void Save(SessionInfo session, SessionRead read, SourceCursor? before, string meta, ILearningStore store, SessionCounts counts,
        List<string> problems)
    {
        if (read.Problem is { } problem)
        {
            problems.Add(problem);
            counts.NotSaved.Add(session.SessionId);
            return;
        }
        try
        {
            store.InTransaction(() =>
            {
                // Traces can change from the earliest run whose facts changed on: one added, removed or read again
                // differently (a run read again the same, as the last one is on every append, changes nothing).
                counts.Changed(store.SaveSession(read.Next! with { MetaJson = meta }, read.FromIndex, read.Facts, read.UsageFrom, read.Usage));
                // New metadata (key, channel, report) changes the session's earlier traces too.
                if (before is not null && before.MetaJson != meta) counts.MetaChanged = true;
            });
            counts.Lines += read.Stats.Lines;
            counts.Skipped += read.Stats.SkippedTotal;
            counts.Read++;
            counts.Written?.Add((read.SessionId, read.Facts));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            counts.Written = null; // a write failed part-way: what the store holds is no longer known here
            counts.NotSaved.Add(session.SessionId);
            problems.Add($"{state.Relative(session.Source.Path)}: not ingested: {e.Message}");
        }
    }

    // Runs on a worker thread: reads the source from its cursor and reduces it to run facts; touches no store.
    private SessionRead ReadSession(SessionSource source, SourceCursor? cursor, SessionReader reader)
    {
        var stats = new TranscriptReadStats();
        try
        {
            var (size, modified) = SizeAndTime(source);
            var isSqlite = source.Kind == SessionSourceKind.Sqlite;
            // A file is opened once: its identity is hashed through the same handle its lines are then read from.
            using var file = isSqlite ? null : state.Files.OpenRead(source.Path);
            var sameSource = cursor is not null && cursor.Kind == source.Kind.ToString() && cursor.Path == source.Path;
            var resume = sameSource && size >= cursor!.Size && Identity(file, cursor.Identity) == cursor.Identity;
            var identity = resume ? cursor!.Identity : Identity(file, null);
            var fromIndex = resume ? cursor!.NextUserIndex : 0;
            var collector = new RunCollector(source.AgentId, source.SessionId, _targets[source.AgentId], fromIndex,
                resume ? cursor!.Provider : null, resume ? cursor!.Model : null);
            long? start = resume ? cursor!.Position : null;
            if (file is null)
            {
                foreach (var (record, position) in reader.ReadPositioned(source, stats, start)) collector.Add(record, position);
            }
            else
            {
                file.Seek(0, SeekOrigin.Begin);
                foreach (var (record, position) in JsonlTranscriptReader.ReadPositioned(file, stats, _lines, start ?? 0)) collector.Add(record, position);
            }
            var (finished, last) = collector.Complete();
            var facts = last is null ? finished : [.. finished, last];

            SourceCursor next;
            if (last is not null)
            {
                // Next time, read the last run again from its user turn: it may be pending or still growing.
                next = new SourceCursor(source.AgentId, source.SessionId, source.Kind.ToString(), source.Path, identity, size, modified,
                    isSqlite ? last.Position - 1 : last.Position, last.UserIndex, last.PriorProvider, last.PriorModel, null);
            }
            else
            {
                // No user turn yet: everything read belongs to no run. When that includes usage, the next read starts
                // from the beginning again, so the session's pre-run usage is replaced whole rather than added to.
                var (provider, model) = collector.CurrentModel;
                var fromStart = collector.Usage.Count > 0;
                var position = isSqlite ? fromStart ? long.MinValue : stats.LastSeq ?? start ?? long.MinValue : fromStart ? 0 : stats.ConsumedBytes;
                next = new SourceCursor(source.AgentId, source.SessionId, source.Kind.ToString(), source.Path, identity, size, modified,
                    position, fromIndex, provider, model, null);
            }
            // Usage before the first user turn is replaced only by a read that covered it: one from the start, or a
            // resumed one that began before any user turn.
            var usageFrom = !resume || collector.SawPreamble ? -1 : fromIndex;
            return new SessionRead(source.SessionId, fromIndex, facts, usageFrom, collector.Usage, next, stats, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return new SessionRead(source.SessionId, 0, [], 0, [], null, stats, $"{state.Relative(source.Path)}: not ingested: {e.Message}");
        }
    }

    private readonly PhaseTimings _timings = PhaseTimings.FromEnvironment();

    private readonly Dictionary<string, ReferenceTargets> _targets = [];

    // Ingest reads only what run facts are built from (default options, like everywhere, mean the documented defaults).
    private readonly LineReaderOptions _lines = (options.Lines == default ? new LineReaderOptions() : options.Lines) with { RunFactsOnly = true };

    // Sessions whose facts a workspace change made stale: all of them when bootstrap files or MEMORY.md changed,
    // else those with runs on (or the day after) a daily note that was added, changed or deleted.
    private static (HashSet<string> Sessions, bool NotesChanged) StaleSessions(string agentId, ILearningStore store, WorkspaceSnapshot snapshot,
        string? storedFingerprint, IEnumerable<string> knownSessions)
    {
        if (storedFingerprint is null) return ([], false); // first ingest: nothing to invalidate
        if (storedFingerprint != snapshot.Fingerprint) return (knownSessions.ToHashSet(), true);
        var prefix = $"note:{agentId}:";
        var old = store.MetaWithPrefix(prefix).ToDictionary(m => m.Key[prefix.Length..], m => m.Value, StringComparer.Ordinal);
        var now = snapshot.NoteHashes.ToDictionary(n => n.Key.ToString("yyyy-MM-dd"), n => n.Value, StringComparer.Ordinal);
        var changedDays = new List<DateOnly>();
        foreach (var day in old.Keys.Union(now.Keys))
        {
            if (old.GetValueOrDefault(day) == now.GetValueOrDefault(day)) continue;
            var date = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            changedDays.AddRange([date, date.AddDays(1)]);
        }
        return (store.SessionsOnDays(agentId, changedDays).ToHashSet(), changedDays.Count > 0);
    }

    // Settings that change trace content; a change rebuilds the traces even when no transcript changed.
    private string ConfigKey() => $"tool={options.Learning.ToolTokenEstimate} skill={options.Learning.SkillTokenEstimate}";

    // As discovery saw them: a file that changes after that is caught by the next ingest.
    private static (long Size, long Modified) SizeAndTime(SessionSource source) =>
        source.Kind == SessionSourceKind.Sqlite ? (source.EventCount ?? 0, 0) : (source.Bytes, source.ModifiedTicks);

    // A file's identity is "N:hash" of its first N bytes (N fixed at the first read, at most 1 KiB): compaction or a
    // rewrite changes them, appends do not. Checking an existing identity re-hashes the same N bytes. SQLite
    // sessions (no file) are "sqlite".
    private static string Identity(FileStream? stream, string? existing)
    {
        if (stream is null) return "sqlite";
        var length = existing is not null && existing.IndexOf(':') is > 0 and var colon && int.TryParse(existing.AsSpan(0, colon), out var n)
            ? n
            : IdentityBytes;
        stream.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[length];
        var read = stream.ReadAtLeast(buffer, length, throwOnEndOfStream: false);
        return $"{read}:{Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, read)))}";
    }
}
