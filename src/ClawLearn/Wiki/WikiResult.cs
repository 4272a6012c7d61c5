namespace ClawLearn.Wiki;

/// <summary>What a wiki run did: the sources by delta status, pages created, updated and removed, and warnings.</summary>
public sealed record WikiResult(
    string Vault,
    bool Full,
    bool NothingChanged,
    IReadOnlyList<SourceState> Sources,
    IReadOnlyList<string> Deleted,
    int SessionsRead,
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Removed,
    int TotalPages,
    IReadOnlyList<string> Problems)
{
    public int Count(DeltaStatus status) => status == DeltaStatus.Deleted ? Deleted.Count : Sources.Count(s => s.Status == status);

    public int CountOf(string sourceType) => Sources.Count(s => s.Source.Type == sourceType);
}
