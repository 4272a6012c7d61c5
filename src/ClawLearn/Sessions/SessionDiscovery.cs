using System.Buffers;
using System.Text.Json;
using ClawLearn.StateDir;
using ClawLearn.Transcripts;

namespace ClawLearn.Sessions;

/// <summary>
/// Finds every session of every agent across the storage eras (JSONL files, archives on request, the SQLite
/// store), gives each its session id (the header <c>id</c>, else the file stem), de-duplicates sessions found
/// in several sources (more events wins, ties go to SQLite) and resolves key, channel and title
/// (trace-contract section 3).
/// </summary>
public static class SessionDiscovery
{
    private const int HeaderProbeBytes = 64 * 1024;
    private const int FirstProbeBytes = 4 * 1024; // a header is ~200 bytes; most files answer from the first 4 KiB

    public static SessionCatalog Discover(StateDirectory state, DiscoveryOptions options = default)
    {
        // The indexes are parsed while the sources are listed.
        var indexReads = options.IndexReads ?? StartIndexReads(state, options);
        return Describe(state, List(state, options), indexReads);
    }

    /// <summary>
    /// The first half of <see cref="Discover"/>, which needs no session index: every agent's sources, de-duplicated, in
    /// session id order. They can be read while the indexes are still parsed; <see cref="Describe"/> then adds the
    /// metadata.
    /// </summary>
    public static SessionListing List(StateDirectory state, DiscoveryOptions options = default)
    {
        var skipped = new List<SkippedSource>();
        var agents = new List<AgentSources>();
        foreach (var agent in state.AgentsOrOnly(options.AgentId))
        {
            var sources = new List<SessionSource>();
            var problems = new List<string>();
            AddFiles(state, agent.SessionsDir, agent.Id, options, sources, skipped);
            if (agent.Id == Config.AgentIds.Main)
                AddFiles(state, Path.Combine(state.Root, "sessions"), agent.Id, options, sources, skipped);
            var windows = AddSqlite(state, agent, sources, skipped, problems);
            var winners = sources.GroupBy(s => s.SessionId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(group => PickWinner(group.ToList(), state, skipped)).ToList();
            agents.Add(new AgentSources(agent, winners, windows, problems));
        }
        return new SessionListing(agents, skipped);
    }

    /// <summary>
    /// The second half of <see cref="Discover"/>: each listed session's key, channel and title from its agent's session
    /// index (waited for in <paramref name="indexReads"/>) or SQLite node, in the listing's order.
    /// </summary>
    public static SessionCatalog Describe(StateDirectory state, SessionListing listing, IReadOnlyDictionary<string, Task<SessionIndex>> indexReads)
    {
        var sessions = new List<SessionInfo>();
        var indexes = new Dictionary<string, SessionIndex>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var agent in listing.Agents)
        {
            var index = indexReads[agent.Agent.Id].GetAwaiter().GetResult();
            indexes[agent.Agent.Id] = index;
            // The index's problem comes first, as it did when each agent's index was read before its sources.
            if (index.Problem is { } problem) problems.Add($"{state.Relative(agent.Agent.SessionIndexPath)}: {problem}");
            problems.AddRange(agent.Problems);
            var lookup = new IndexLookup(index);
            foreach (var source in agent.Sources) sessions.Add(Info(source, lookup, agent.Windows));
        }
        return new SessionCatalog(sessions, listing.Skipped, indexes, problems);
    }

    /// <summary>
    /// Starts parsing every chosen agent's session index, each on its own thread: the slowest part of a re-run on a
    /// big install (tens of MB of JSON each). A caller with other work to do first (ingest reads its stores' cursors)
    /// starts them early and hands them over in <see cref="DiscoveryOptions.IndexReads"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, Task<SessionIndex>> StartIndexReads(StateDirectory state, DiscoveryOptions options = default) =>
        state.AgentsOrOnly(options.AgentId)
            .ToDictionary(a => a.Id, a => Task.Run(() => SessionIndexReader.Read(a.SessionIndexPath, a.Id, state.Files)), StringComparer.Ordinal);

    private static void AddFiles(StateDirectory state, string dir, string agentId, DiscoveryOptions options, List<SessionSource> sources,
        List<SkippedSource> skipped)
    {
        if (!Directory.Exists(dir)) return;
        var paths = Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).ToList();
        // Each file needs a privacy check, a stat and usually a header probe: I/O-bound, so files are looked at in
        // parallel, and the results kept in name order so the catalog is the same as a sequential pass gives.
        var found = new (SessionSource? Source, SkippedSource? Skipped)[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => found[i] = LookAt(state, paths[i], agentId, options));
        foreach (var (source, skip) in found)
        {
            if (source is not null) sources.Add(source);
            if (skip is not null) skipped.Add(skip);
        }
    }

    private static (SessionSource?, SkippedSource?) LookAt(StateDirectory state, string path, string agentId, DiscoveryOptions options)
    {
        var name = TranscriptFileName.Parse(Path.GetFileName(path));
        if (name is null) return (null, null);
        if (name.ArchiveKind is not null && !options.IncludeArchived) return (null, null);
        var kind = name.ArchiveKind is null ? SessionSourceKind.Jsonl : SessionSourceKind.Archived;
        SessionSource Source(string id, long size, long modified) => new(agentId, id, kind, path, size, name, ModifiedTicks: modified);
        try
        {
            if (options.KnownSessionId is { } known)
            {
                if (!state.Files.IsAllowed(path)) return (null, null);
                var info = new FileInfo(path);
                var (length, ticks) = (info.Length, info.LastWriteTimeUtc.Ticks);
                if (known(path, length, ticks) is { } knownId) return (Source(knownId, length, ticks), null);
            }
            // The header is probed through the one handle that also gives size and time, after one privacy judgement
            // for both listing and opening (a first ingest probes every file: asking, then opening, judged it twice).
            using var stream = state.Files.OpenReadIfAllowed(path);
            if (stream is null) return (null, null);
            var (size, modified) = (stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle).Ticks);
            return (Source(HeaderId(stream) ?? name.StemSessionId, size, modified), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A dangling link, or a file the live gateway renamed or deleted a moment ago.
            return (null, new SkippedSource(new SessionSource(agentId, name.StemSessionId, kind, path, 0, name), $"unreadable: {e.Message}"));
        }
    }

    private static IReadOnlyDictionary<string, SqliteSessionWindow> AddSqlite(StateDirectory state, AgentLayout agent,
        List<SessionSource> sources, List<SkippedSource> skipped, List<string> problems)
    {
        var windows = new Dictionary<string, SqliteSessionWindow>(StringComparer.Ordinal);
        if (!File.Exists(agent.SqlitePath)) return windows;
        try
        {
            using var store = SqliteTranscriptStore.Open(agent.SqlitePath, state.Files);
            foreach (var window in store.ListSessions(agent.Id))
            {
                windows[window.SessionId] = window;
                sources.Add(new SessionSource(agent.Id, window.SessionId, SessionSourceKind.Sqlite, agent.SqlitePath,
                    0, null, window.EventCount));
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            problems.Add($"{state.Relative(agent.SqlitePath)}: cannot read the SQLite store: {e.Message}");
            skipped.Add(new SkippedSource(new SessionSource(agent.Id, "*", SessionSourceKind.Sqlite, agent.SqlitePath, 0, null),
                $"unreadable SQLite store: {e.Message}"));
        }
        return windows;
    }

    private static SessionSource PickWinner(List<SessionSource> group, StateDirectory state, List<SkippedSource> skipped)
    {
        if (group.Count == 1) return group[0];
        // Both sides are counted the same way, as events that parse, so an extra blank or broken line in a
        // file cannot beat an identical SQLite copy.
        var counted = group.Select(s => s with { EventCount = CountEvents(s, state) }).ToList();
        var ordered = counted
            .OrderByDescending(s => s.EventCount)
            .ThenBy(s => s.Kind switch { SessionSourceKind.Sqlite => 0, SessionSourceKind.Jsonl => 1, _ => 2 })
            .ThenBy(s => s.Path, StringComparer.Ordinal)
            .ToList();
        var winner = ordered[0];
        foreach (var loser in ordered.Skip(1))
        {
            skipped.Add(new SkippedSource(loser,
                $"duplicate of session {winner.SessionId} in {state.Relative(winner.Path)} ({winner.EventCount} events vs {loser.EventCount})"));
        }
        return winner;
    }

    // The first index entry for each session id and for each transcript file name: a 40 MB index has tens of
    // thousands of entries, too many to search once per session.
    private sealed class IndexLookup
    {
        public IndexLookup(SessionIndex index)
        {
            foreach (var e in index.Entries)
            {
                if (e.SessionId is { } id) ById.TryAdd(id, e);
                if (e.SessionFile is { } f) ByFileName.TryAdd(Path.GetFileName(f), e);
            }
        }

        public Dictionary<string, SessionIndexEntry> ById { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, SessionIndexEntry> ByFileName { get; } = new(StringComparer.Ordinal);
    }

    private static SessionInfo Info(SessionSource source, IndexLookup index, IReadOnlyDictionary<string, SqliteSessionWindow> windows)
    {
        var fileName = Path.GetFileName(source.Path);
        var entry = index.ById.GetValueOrDefault(source.SessionId)
            ?? (source.Kind != SessionSourceKind.Sqlite ? index.ByFileName.GetValueOrDefault(fileName) : null);
        windows.TryGetValue(source.SessionId, out var window);
        entry ??= window?.NodeEntry;

        var key = entry?.Key ?? window?.SessionKey;
        var channel = entry?.Channel ?? window?.Channel ?? ChannelFromKey(key) ?? (source.ThreadId is not null ? "telegram" : null);
        var isSubagent = key?.Contains(":subagent:", StringComparison.Ordinal) == true;
        var name = entry?.Name ?? window?.DisplayName;
        return new SessionInfo(source, key, channel, isSubagent, name, entry,
            entry?.ModelProvider ?? window?.ModelProvider, entry?.Model ?? window?.Model);
    }

    /// <summary>The third segment of <c>agent:&lt;id&gt;:&lt;channel&gt;:…</c> (four segments or more), unless it is a scope word.</summary>
    public static string? ChannelFromKey(string? key)
    {
        if (key is null) return null;
        var parts = key.Split(':');
        if (parts.Length < 4 || parts[0] != "agent") return null;
        return parts[2] is "main" or "dm" or "subagent" or "cron" or "hook" or "" ? null : parts[2];
    }

    private static string? HeaderId(FileStream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(HeaderProbeBytes);
        try
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(0, FirstProbeBytes), FirstProbeBytes, throwOnEndOfStream: false);
            if (read == FirstProbeBytes && buffer.AsSpan(0, read).IndexOf((byte)'\n') < 0)
                read += stream.ReadAtLeast(buffer.AsSpan(read, HeaderProbeBytes - read), HeaderProbeBytes - read, throwOnEndOfStream: false);
            var span = buffer.AsSpan(0, read);
            var bom = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            span = span[bom..];
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0) span = span[..newline];
            else if (read == HeaderProbeBytes) return null; // the first line is too long to be a header
            return HeaderIdOf(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The <c>id</c> of a transcript's first line when it is a session header (<c>{"type":"session","id":"…",…}</c>;
    /// when a name repeats, its last value counts), else null; so is a line that is not one JSON value.
    /// </summary>
    // One token pass instead of a JsonDocument: a first ingest looks at every file's first line (10,000 of them on a
    // big install) while the session indexes are parsed beside it.
    internal static string? HeaderIdOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var (isSession, id) = (false, (string?)null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (isType, isId) = (JsonStrings.TextIs(ref reader, "type"u8), JsonStrings.TextIs(ref reader, "id"u8));
                reader.Read();
                var isString = reader.TokenType == JsonTokenType.String;
                if (isType) isSession = isString && JsonStrings.TextIs(ref reader, "session"u8);
                else if (isId) id = isString ? JsonStrings.Of(ref reader) : null;
                reader.Skip();
            }
            while (reader.Read()) { } // the rest of the line must be valid too: nothing may follow the object
            return isSession && id is { Length: > 0 } ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long CountEvents(SessionSource source, StateDirectory state)
    {
        var stats = new TranscriptReadStats();
        try
        {
            using var reader = new SessionReader(state.Files);
            foreach (var _ in reader.Read(source, stats)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return -1; // unreadable: never the winner
        }
        return stats.Lines - stats.SkippedTotal;
    }
}
