using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>
/// One session reduced to what pages show: times, runs, tokens, tools and skills per month, which bootstrap files and
/// MEMORY.md sections its runs referenced, the projects it talks about and, for those, a few conclusions. Cached in the
/// vault so an unchanged transcript is never read again; <see cref="ContextFingerprint"/> records the MEMORY.md and
/// project list it was matched against (a change there means reading it again). Nothing here is the conversation's
/// own text: only counts, names this tool knows and conclusions written from them.
/// </summary>
public sealed record SessionFacts(
    string Key,
    string Ref,
    string AgentId,
    string SessionId,
    string Path,
    long SizeBytes,
    long ModifiedTicks,
    long? EventCount,
    string ContextFingerprint,
    long? FirstMs,
    long? LastMs,
    int Runs,
    long Tokens,
    IReadOnlyList<UsageCount> Tools,
    IReadOnlyList<UsageCount> Skills,
    IReadOnlyDictionary<string, int> FilesReferenced,
    IReadOnlyDictionary<string, int> MemoryReferenced,
    IReadOnlyList<string> Projects,
    IReadOnlyList<Conclusion> Conclusions,
    SessionLabel Label)
{
    /// <summary>The month (<c>yyyy-MM</c>) the session started in, or null when it has no time.</summary>
    [JsonIgnore]
    public string? Month => FirstMs is { } ms ? WikiDates.Month(ms) : null;

    /// <summary>
    /// The name pages show: the index's label when it is safe, else a neutral one from channel or kind, start date and
    /// short id. Never the conversation's words: a transcript title or first message may name people or quote them.
    /// </summary>
    [JsonIgnore]
    public string DisplayName => Label.IndexName
        ?? $"{Label.Channel ?? Label.Kind} session{(FirstMs is { } ms ? " " + WikiDates.Day(ms) : "")} {(SessionId.Length > 8 ? SessionId[..8] : SessionId)}";
}
