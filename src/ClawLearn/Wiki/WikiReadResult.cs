namespace ClawLearn.Wiki;

/// <summary>
/// What reading the state directory gave: the cache to build pages from (fresh for the agents read, as before for the
/// others), every source read with its delta status, the manifest keys whose sources are gone, sessions actually
/// re-read, and problems worth a warning.
/// </summary>
public sealed record WikiReadResult(
    WikiCache Cache,
    IReadOnlyList<SourceState> Sources,
    IReadOnlyList<string> Deleted,
    int SessionsRead,
    IReadOnlyList<string> Problems);
