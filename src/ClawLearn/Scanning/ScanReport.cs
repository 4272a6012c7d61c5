namespace ClawLearn.Scanning;

/// <summary>
/// What <c>clawlearn scan</c> reports: what a user sees first about their state directory. Paths are relative
/// to the state directory where they lie inside it; times are ISO-8601 UTC.
/// </summary>
public sealed record ScanReport(
    string StateDir,
    string StateDirSource,
    string Config,
    bool ConfigFound,
    int BootstrapMaxChars,
    IReadOnlyList<AgentScan> Agents,
    ScanTotals Totals,
    IReadOnlyList<SkippedLines> SkippedLines,
    IReadOnlyList<SkippedSourceScan> SkippedSources,
    IReadOnlyList<NotReadScan> NotRead,
    IReadOnlyList<string> Problems);

public sealed record AgentScan(
    string Id,
    bool IsDefault,
    WorkspaceScan Workspace,
    string SessionIndex,
    int SessionIndexEntries,
    SourceCounts Sessions,
    long Turns,
    long UserTurns,
    string? FirstTurn,
    string? LastTurn);

public sealed record WorkspaceScan(
    string Path,
    string Source,
    bool Exists,
    IReadOnlyList<BootstrapFileScan> BootstrapFiles,
    IReadOnlyList<string> MissingBootstrapFiles,
    string? MemoryFile,
    int MemorySections,
    IReadOnlyList<string> HiddenMemorySections,
    int DailyNotes,
    string? FirstDailyNote,
    string? LastDailyNote,
    int OtherMemoryNotes,
    bool Dreams);

public sealed record BootstrapFileScan(string Name, int RawChars, int InjectedChars, bool Truncated);

public sealed record SourceCounts(int Jsonl, int Sqlite, int Archived, int Skipped)
{
    public int Read => Jsonl + Sqlite + Archived;
}

public sealed record ScanTotals(
    int Agents,
    SourceCounts Sessions,
    long Lines,
    long Turns,
    long UserTurns,
    long DroppedMessages,
    long SkippedLines,
    string? FirstTurn,
    string? LastTurn);

public sealed record SkippedLines(string File, string Reason, int Count, long FirstLine);

public sealed record SkippedSourceScan(string Path, string SessionId, string Reason);

public sealed record NotReadScan(string Path, string Reason);
