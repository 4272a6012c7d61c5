using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>
/// One session reduced to what pages show: times, runs, tokens, tools and skills per month, which bootstrap files and
/// MEMORY.md sections its runs referenced, the projects it talks about and, for those, a few conclusions. Cached in the
/// vault so an unchanged transcript is never read again; <see cref="ContextFingerprint"/> records the MEMORY.md and
/// project list it was matched against (a change there means reading it again).
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
    string? Title,
    SessionLabel Label)
{
    /// <summary>The month (<c>yyyy-MM</c>) the session started in, or null when it has no time.</summary>
    [JsonIgnore]
    public string? Month => FirstMs is { } ms ? WikiDates.Month(ms) : null;

    /// <summary>The name pages show: the index's (when safe), else the transcript's title, else the short session id.</summary>
    [JsonIgnore]
    public string DisplayName => Label.IndexName ?? Title ?? (SessionId.Length > 8 ? SessionId[..8] : SessionId);
}
