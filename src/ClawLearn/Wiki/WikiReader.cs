using System.Security.Cryptography;
using System.Text;
using ClawLearn.Runs;
using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Workspace;

namespace ClawLearn.Wiki;

/// <summary>
/// The state-directory side of <c>clawlearn wiki</c>, in the seed's extraction priority: MEMORY.md first (it decides
/// the projects sessions are matched against), then daily notes, DREAMS.md and other notes, then the session index and
/// sessions, whose assistant turns and tool calls are read last and only when they changed. <c>openclaw.json</c> gives
/// agent names and <c>bootstrapMaxChars</c>; credentials are never opened (<see cref="SafeFileAccess"/>).
/// </summary>
public sealed class WikiReader(StateDirectory state, SourcePaths paths, WikiCache previous, Manifest? manifest, bool full, string? learningStore = null)
{
    /// <summary>Daily notes this close to the newest one are read first (B7: 30–90 days of active context).</summary>
    public const int RecentDays = 90;

    private readonly List<SourceState> _sources = [];
    private readonly List<string> _problems = [];

    public WikiReadResult Read(IReadOnlyList<AgentLayout> agents, Action<int, int, string>? progress = null)
    {
        var selected = agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var existing = state.Agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        // Agents not read this run are carried over, unless they left the state directory: then their pages must go.
        bool CarriedOver(string agentId) => !selected.Contains(agentId) && existing.Contains(agentId);
        var cache = new WikiCache(WikiCache.CurrentVersion,
            previous.Agents.Where(a => CarriedOver(a.Key)).ToDictionary(),
            previous.Documents.Where(d => CarriedOver(d.Value.AgentId)).ToDictionary(),
            previous.Sessions.Where(s => CarriedOver(s.Value.AgentId)).ToDictionary());
        var fingerprints = new Dictionary<string, (ReferenceTargets Targets, ProjectMatcher Projects, string Fingerprint)>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            var ws = state.ReadWorkspace(agent);
            var docs = ReadWorkspaceDocs(agent, ws, cache);
            var memory = docs.FirstOrDefault(d => d.Kind == NoteKind.Memory)?.Outline;
            var projects = ProjectCatalog.Slugs(memory, docs);
            fingerprints[agent.Id] = (new ReferenceTargets(ws.MemorySections, [], _ => null), new ProjectMatcher(projects), Fingerprint(ws, projects));
            var evidence = LearningEvidenceReader.Read(state.Root, agent.Id, learningStore, state.Config.Learning, out var problem);
            if (problem is not null) _problems.Add(problem);
            cache.Agents[agent.Id] = Snapshot(agent, ws, evidence);
        }
        var sessionsRead = ReadSessions(agents, fingerprints, cache, progress);
        var seen = _sources.Select(s => s.Source.Key).ToHashSet(StringComparer.Ordinal);
        var deleted = manifest is null ? [] : manifest.Sources
            .Where(p => SourceTypes.IsOurs(p.Value.SourceType) && p.Value.AgentId is { } id && (selected.Contains(id) || !existing.Contains(id))
                && !seen.Contains(p.Key))
            .Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return new WikiReadResult(Sorted(cache), _sources, deleted, sessionsRead, _problems);
    }

    private List<WorkspaceDoc> ReadWorkspaceDocs(AgentLayout agent, AgentWorkspace ws, WikiCache cache)
    {
        var docs = new List<WorkspaceDoc>();
        void Add(string path, string type, NoteKind kind, DateOnly? date, string name)
        {
            var key = paths.Key(path);
            if (!state.Files.IsAllowed(path) || cache.Documents.ContainsKey(key)) return; // a workspace two agents share is read once
            var info = new FileInfo(path);
            var source = new WikiSource(key, paths.Ref(path), path, type, agent.Id, info.Length, ToMs(info.LastWriteTimeUtc));
            var modified = WikiDates.Iso(source.ModifiedMs);
            // Same size and time as recorded, and already extracted: not even opened (years of notes stay cheap).
            if (!full && manifest?.Sources.GetValueOrDefault(key) is { } prev && prev.SizeBytes == info.Length && prev.ModifiedAt == modified
                && previous.Documents.GetValueOrDefault(key) is { } known && known.Kind == kind && known.AgentId == agent.Id && known.Ref == source.Ref)
            {
                _sources.Add(new SourceState(source, DeltaStatus.Unchanged, prev.ContentHash, info.Length, modified));
                cache.Documents[key] = known;
                docs.Add(known);
                return;
            }
            var (doc, hash) = WorkspaceDocReader.Read(state.Files, paths, agent.Id, path, kind, date, name);
            _sources.Add(Classify(source, hash, info.Length, modified));
            cache.Documents[doc.Key] = doc;
            docs.Add(doc);
        }
        // The seed's priority: MEMORY.md, recent daily notes (newest first), DREAMS.md, then older notes in bulk.
        if (ws.MemoryFile is { } memory) Add(memory.Path, SourceTypes.Memory, NoteKind.Memory, null, memory.Name);
        var recentFrom = ws.DailyNotes.Count > 0 ? ws.DailyNotes[^1].Date.AddDays(-RecentDays) : DateOnly.MaxValue;
        foreach (var note in ws.DailyNotes.Where(n => n.Date > recentFrom).Reverse()) Add(note.Path, SourceTypes.DailyNote, NoteKind.Daily, note.Date, note.FileName);
        if (ws.DreamsPath is { } dreams) Add(dreams, SourceTypes.Dreams, NoteKind.Dreams, null, "DREAMS.md");
        foreach (var note in ws.DailyNotes.Where(n => n.Date <= recentFrom).Reverse()) Add(note.Path, SourceTypes.DailyNote, NoteKind.Daily, note.Date, note.FileName);
        foreach (var relative in ws.OtherMemoryNotes)
        {
            var (kind, date, name) = WorkspaceDocReader.Classify(relative);
            Add(Path.Combine(ws.Path, "memory", relative), SourceTypes.DailyNote, kind, date, name);
        }
        return docs;
    }

    private int ReadSessions(IReadOnlyList<AgentLayout> agents, Dictionary<string, (ReferenceTargets Targets, ProjectMatcher Projects, string Fingerprint)> context,
        WikiCache cache, Action<int, int, string>? progress)
    {
        var known = previous.Sessions.Values.Where(s => s.EventCount is null)
            .GroupBy(s => s.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var catalog = SessionDiscovery.Discover(state, new DiscoveryOptions
        {
            AgentId = agents.Count == 1 && state.Agents.Count > 1 ? agents[0].Id : null,
            KnownSessionId = full ? null : (path, size, ticks) =>
                known.TryGetValue(path, out var k) && k.SizeBytes == size && k.ModifiedTicks == ticks ? k.SessionId : null,
        });
        _problems.AddRange(catalog.Problems);
        foreach (var agent in agents.Where(a => File.Exists(a.SessionIndexPath) && state.Files.IsAllowed(a.SessionIndexPath)))
        {
            var info = new FileInfo(agent.SessionIndexPath);
            var source = new WikiSource(paths.Key(info.FullName), paths.Ref(info.FullName), info.FullName, SourceTypes.SessionIndex, agent.Id,
                info.Length, ToMs(info.LastWriteTimeUtc));
            try
            {
                _sources.Add(ClassifyFile(source));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Discovery tried to read it too and already reported why it could not (a pipe in its place, say).
            }
        }

        var sessions = catalog.Sessions.Where(s => context.ContainsKey(s.AgentId)).ToList();
        var toRead = new List<(WikiSource Source, SourceState State)>();
        foreach (var session in sessions)
        {
            var sourceState = ClassifySession(session);
            _sources.Add(sourceState);
            var cached = previous.Sessions.GetValueOrDefault(sourceState.Source.Key);
            if (!full && cached is not null && !sourceState.Changed && cached.ContextFingerprint == context[session.AgentId].Fingerprint)
                cache.Sessions[cached.Key] = cached with { Label = SessionLabels.From(session), SizeBytes = session.Source.Bytes, ModifiedTicks = session.Source.ModifiedTicks };
            else
                toRead.Add((sourceState.Source, sourceState));
        }

        using var reader = new SessionReader(state.Files);
        var done = 0;
        // Most recently active first (the seed: "prioritize by updated_at").
        foreach (var (source, _) in toRead.OrderByDescending(s => s.Source.Session!.Source.ModifiedTicks).ThenBy(s => s.Source.Key, StringComparer.Ordinal))
        {
            var (targets, projects, fingerprint) = context[source.AgentId];
            var facts = new SessionExtractor(reader, targets, projects, fingerprint).Extract(source, out var problem);
            if (problem is not null) _problems.Add($"{source.Ref}: {problem}");
            cache.Sessions[facts.Key] = facts;
            progress?.Invoke(++done, toRead.Count, source.Session!.SessionId);
        }
        return toRead.Count;
    }

    private SourceState ClassifySession(SessionInfo session)
    {
        var s = session.Source;
        if (s.Kind != SessionSourceKind.Sqlite)
        {
            var source = new WikiSource(paths.Key(s.Path), paths.Ref(s.Path), s.Path, SourceTypes.Session, s.AgentId, s.Bytes,
                ToMs(new DateTime(s.ModifiedTicks, DateTimeKind.Utc)), session);
            return ClassifyFile(source);
        }
        var key = paths.Key(s.Path, s.SessionId);
        var sqliteSource = new WikiSource(key, paths.Ref(s.Path, s.SessionId), s.Path, SourceTypes.Session, s.AgentId, 0, 0, session);
        // Events are only appended: the same count as last time means the same session, without reading it.
        if (!full && manifest?.Sources.GetValueOrDefault(key) is { } prev && previous.Sessions.GetValueOrDefault(key)?.EventCount == s.EventCount)
            return new SourceState(sqliteSource, DeltaStatus.Unchanged, prev.ContentHash, prev.SizeBytes, prev.ModifiedAt);
        var (hash, bytes, latest) = ContentHash.OfSqliteSession(state.Files, s.Path, s.SessionId);
        return Classify(sqliteSource with { SizeBytes = bytes }, hash, bytes, latest is { } ms ? WikiDates.Iso(ms) : "");
    }

    // Files: the same size and modification time as recorded means unchanged without hashing (B7); otherwise hash.
    private SourceState ClassifyFile(WikiSource source)
    {
        var modified = WikiDates.Iso(source.ModifiedMs);
        if (!full && manifest?.Sources.GetValueOrDefault(source.Key) is { } prev && prev.SizeBytes == source.SizeBytes && prev.ModifiedAt == modified)
            return new SourceState(source, DeltaStatus.Unchanged, prev.ContentHash, source.SizeBytes, modified);
        return Classify(source, ContentHash.OfFile(state.Files, source.Path), source.SizeBytes, modified);
    }

    private SourceState Classify(WikiSource source, string hash, long size, string modified)
    {
        var prev = manifest?.Sources.GetValueOrDefault(source.Key);
        var status = prev is null ? DeltaStatus.New
            : prev.ContentHash != hash ? DeltaStatus.Modified
            : prev.ModifiedAt != modified || prev.SizeBytes != size ? DeltaStatus.Touched
            : DeltaStatus.Unchanged;
        return new SourceState(source, status, hash, size, modified);
    }

    private AgentSnapshot Snapshot(AgentLayout agent, AgentWorkspace ws, LearningEvidence? evidence)
    {
        var files = ws.BootstrapFiles.Select(f => new FileCost(f.Name, paths.Ref(f.Path), f.Content.RawChars, f.Content.InjectedChars, f.Content.Truncated)).ToList();
        var sections = ws.MemorySections.Select(s => new SectionCost(s.ArmId, ChatText.Clip(Redactor.Redact(s.Heading), 120), s.Chars, s.HiddenByTruncation)).ToList();
        var name = state.Config.Agents.FirstOrDefault(a => a.Id == agent.Id)?.Name;
        return new AgentSnapshot(agent.Id, name is null ? null : ChatText.Clip(Redactor.Redact(name), 60), agent.IsDefault, ws.Exists,
            state.Config.BootstrapMaxChars, files, ws.MissingBootstrapFiles, ws.MemoryFile?.Name, sections, evidence,
            File.Exists(agent.SessionIndexPath) ? paths.Ref(agent.SessionIndexPath) : null);
    }

    // What session facts were matched against, exactly as matching sees it: each MEMORY.md section's lines as reference
    // detection compares them (list markers stripped, lower case, long enough to count; as a set) and the project list.
    // An edit that cannot change a match (a short line, a reordering, a capital letter) does not re-read every session.
    private static string Fingerprint(AgentWorkspace ws, IReadOnlyList<string> projects)
    {
        var sb = new StringBuilder("v2\n");
        var lines = ws.MemorySections
            .SelectMany(s => s.Lines.Select(LineMatcher.Significant).Where(l => l.Length >= LineMatcher.MinLineChars).Select(l => s.ArmId + "\t" + l))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var line in lines) sb.Append(line).Append('\n');
        foreach (var project in projects.Order(StringComparer.Ordinal)) sb.Append("project ").Append(project).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    private static long ToMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static WikiCache Sorted(WikiCache cache) => cache with
    {
        Agents = cache.Agents.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
        Documents = cache.Documents.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
        Sessions = cache.Sessions.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
    };
}
