namespace ClawLearn.Sessions;

/// <summary>Everything discovery found for a state directory: sessions to read and sources skipped.</summary>
public sealed record SessionCatalog(
    IReadOnlyList<SessionInfo> Sessions,
    IReadOnlyList<SkippedSource> Skipped,
    IReadOnlyDictionary<string, SessionIndex> Indexes,
    IReadOnlyList<string> Problems);
