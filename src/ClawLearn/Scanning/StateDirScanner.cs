using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Transcripts;

namespace ClawLearn.Scanning;

/// <summary>
/// Reads a whole state directory once, streaming every session, and summarises it as a <see cref="ScanReport"/>.
/// </summary>
public static class StateDirScanner
{
    /// <summary>Scans every session; <paramref name="progress"/> is called after each with (done, total, session id).</summary>
    public static ScanReport Scan(StateDirectory state, DiscoveryOptions options = default, LineReaderOptions lineOptions = default,
        Action<int, int, string>? progress = null)
    {
        var catalog = SessionDiscovery.Discover(state, options);
        var skippedLines = new List<SkippedLines>();
        var problems = new List<string>(catalog.Problems);
        var agentScans = new List<AgentScan>();
        long lines = 0, dropped = 0, skippedTotal = 0;
        var done = 0;
        using var reader = new SessionReader(state.Files, lineOptions);
        foreach (var agent in state.AgentsOrOnly(options.AgentId))
        {
            var sessions = catalog.Sessions.Where(s => s.AgentId == agent.Id).ToList();
            long turns = 0, userTurns = 0;
            long? first = null, last = null;
            foreach (var session in sessions)
            {
                var stats = new TranscriptReadStats();
                var where = session.Source.Kind == SessionSourceKind.Sqlite
                    ? $"{state.Relative(session.Source.Path)}#{session.SessionId}"
                    : state.Relative(session.Source.Path);
                try
                {
                    foreach (var record in reader.Read(session.Source, stats))
                    {
                        if (record is Turn { Role: TurnRole.User }) userTurns++;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // The gateway may rotate a file mid-scan; what was read so far still counts.
                    problems.Add($"{where}: reading stopped after {stats.Lines} lines: {e.Message}");
                }
                turns += stats.Turns;
                lines += stats.Lines;
                dropped += stats.Dropped;
                skippedTotal += stats.SkippedTotal;
                first = Min(first, stats.FirstTimestampMs);
                last = Max(last, stats.LastTimestampMs);
                foreach (var (reason, count) in stats.Skipped.OrderBy(p => p.Key))
                    skippedLines.Add(new SkippedLines(where, Describe(reason), count, stats.FirstSkippedLine[reason]));
                progress?.Invoke(++done, catalog.Sessions.Count, session.SessionId);
            }
            var index = catalog.Indexes.GetValueOrDefault(agent.Id);
            agentScans.Add(new AgentScan(agent.Id, agent.IsDefault, ScanWorkspace(state, agent),
                state.Relative(agent.SessionIndexPath) + (index is null || index.Shape == SessionIndexShape.None ? " (none)" : $" ({Shape(index.Shape)})"),
                index?.Entries.Count ?? 0,
                Count(sessions, catalog.Skipped.Where(s => s.Source.AgentId == agent.Id).Count()),
                turns, userTurns, Iso(first), Iso(last)));
        }

        var allFirst = agentScans.Select(a => a.FirstTurn).Where(t => t is not null).Min(StringComparer.Ordinal);
        var allLast = agentScans.Select(a => a.LastTurn).Where(t => t is not null).Max(StringComparer.Ordinal);
        var totals = new ScanTotals(agentScans.Count, Count(catalog.Sessions, catalog.Skipped.Count), lines,
            agentScans.Sum(a => a.Turns), agentScans.Sum(a => a.UserTurns), dropped, skippedTotal, allFirst, allLast);

        return new ScanReport(state.Root, state.Resolved.Source.ToString(), state.Relative(state.Resolved.ConfigPath),
            File.Exists(state.Resolved.ConfigPath), state.Config.BootstrapMaxChars, agentScans, totals, skippedLines,
            catalog.Skipped.Select(s => new SkippedSourceScan(state.Relative(s.Source.Path), s.Source.SessionId, s.Reason)).ToList(),
            NotReadFinder.Find(state, options.IncludeArchived).Select(n => new NotReadScan(n.RelativePath, n.Reason)).ToList(),
            problems);
    }

    private static WorkspaceScan ScanWorkspace(StateDirectory state, AgentLayout agent)
    {
        var ws = state.ReadWorkspace(agent);
        return new WorkspaceScan(DisplayPath(state, ws.Path), agent.WorkspaceSource.ToString(), ws.Exists,
            ws.BootstrapFiles.Select(f => new BootstrapFileScan(f.Name, f.Content.RawChars, f.Content.InjectedChars, f.Content.Truncated)).ToList(),
            ws.MissingBootstrapFiles, ws.MemoryFile?.Name, ws.MemorySections.Count,
            ws.MemorySections.Where(s => s.HiddenByTruncation).Select(s => s.ArmId).ToList(),
            ws.DailyNotes.Count, ws.DailyNotes.FirstOrDefault()?.Date.ToString("yyyy-MM-dd"),
            ws.DailyNotes.LastOrDefault()?.Date.ToString("yyyy-MM-dd"), ws.OtherMemoryNotes.Count, ws.DreamsPath is not null);
    }

    /// <summary>Inside the state dir: relative; under the home directory: <c>~/…</c>; else absolute.</summary>
    private static string DisplayPath(StateDirectory state, string path)
    {
        var relative = state.Relative(path);
        if (relative != path) return relative;
        var home = state.Resolved.Home;
        var fromHome = Path.GetRelativePath(home, path);
        return fromHome.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(fromHome) ? path : "~/" + fromHome.Replace('\\', '/');
    }

    private static SourceCounts Count(IEnumerable<SessionInfo> sessions, int skipped)
    {
        int jsonl = 0, sqlite = 0, archived = 0;
        foreach (var s in sessions)
        {
            switch (s.Source.Kind)
            {
                case SessionSourceKind.Jsonl: jsonl++; break;
                case SessionSourceKind.Sqlite: sqlite++; break;
                default: archived++; break;
            }
        }
        return new SourceCounts(jsonl, sqlite, archived, skipped);
    }

    private static string Shape(SessionIndexShape shape) => shape switch
    {
        SessionIndexShape.Map => "map",
        SessionIndexShape.SeedArray => "seed array",
        SessionIndexShape.CliExport => "CLI export",
        _ => "none",
    };

    public static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.PartialLastLine => "partial last line",
        SkipReason.InvalidJson => "invalid JSON",
        SkipReason.InvalidUtf8 => "invalid UTF-8",
        SkipReason.LineTooLong => "line too long",
        SkipReason.NotAnObject => "not a JSON object",
        SkipReason.NoTypeOrRole => "no type or role",
        _ => reason.ToString(),
    };

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
    private static string? Iso(long? ms) => ms is { } v ? Timestamps.ToIso(v) : null;
}
