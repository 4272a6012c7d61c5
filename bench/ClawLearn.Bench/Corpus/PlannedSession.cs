namespace ClawLearn.Bench.Corpus;

/// <summary>
/// One session of the corpus as planned before anything is written: where it goes, how big it should be and
/// what it looks like. Everything a writer needs comes from here and from <see cref="Seed"/>, so sessions can
/// be written on any thread in any order and the corpus is still the same for a corpus seed.
/// </summary>
internal sealed record PlannedSession(
    int Index,
    int Seed,
    string AgentId,
    SessionEra Era,
    SessionKind Kind,
    string SessionId,
    string Key,
    string? Channel,
    string ChatType,
    string? ThreadId,
    long StartMs,
    long TargetBytes,
    ModelInfo Model,
    bool OpensWithAssistant,
    bool HasIndexEntry,
    bool FatEntry)
{
    /// <summary>The file name in the agent's sessions folder; null for a SQLite session.</summary>
    public string? FileName => Era switch
    {
        SessionEra.Jsonl => $"{SessionId}.jsonl",
        SessionEra.Topic => $"{SessionId}-topic-{ThreadId}.jsonl",
        SessionEra.Fork => $"{IsoForFileName(StartMs)}_{SessionId}.jsonl",
        SessionEra.ResetArchive => $"{SessionId}.jsonl.reset.{IsoForFileName(StartMs + ArchiveDelayMs)}",
        SessionEra.DeletedArchive => $"{SessionId}.jsonl.deleted.{IsoForFileName(StartMs + ArchiveDelayMs)}",
        _ => null,
    };

    public bool IsArchive => Era is SessionEra.ResetArchive or SessionEra.DeletedArchive;

    private const long ArchiveDelayMs = 3L * 24 * 3600 * 1000;

    /// <summary>OpenClaw's file-name timestamps: ISO with ':' replaced by '-' (pi-style forks also replace the '.').</summary>
    private string IsoForFileName(long ms)
    {
        var iso = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return Era == SessionEra.Fork ? iso.Replace('.', '-') : iso;
    }
}
