namespace ClawLearn.Wiki;

/// <summary>
/// <c>log.md</c> (B3): append-only, one parseable line per operation. A run that changes nothing writes nothing, so
/// the log only records runs that did something.
/// </summary>
public static class LogFile
{
    public const string Header = "---\ntitle: Wiki Log\n---\n\n# Wiki Log\n\n";

    /// <summary><c>- [TIMESTAMP] OPENCLAW_HISTORY_INGEST memory=updated daily_notes=N sessions=M pages_updated=X pages_created=Y mode=append|full</c></summary>
    public static string IngestLine(DateTimeOffset now, bool memoryUpdated, int dailyNotes, int sessions, int pagesUpdated, int pagesCreated, bool full) =>
        $"- [{WikiDates.Iso(now)}] OPENCLAW_HISTORY_INGEST memory={(memoryUpdated ? "updated" : "unchanged")} daily_notes={dailyNotes} sessions={sessions} " +
        $"pages_updated={pagesUpdated} pages_created={pagesCreated} mode={(full ? "full" : "append")}";

    public static string Append(string? existing, string line)
    {
        var text = string.IsNullOrWhiteSpace(existing) ? Header : existing;
        if (!text.EndsWith('\n')) text += "\n";
        return text + line + "\n";
    }
}
