namespace ClawLearn.Sessions;

/// <summary>
/// One session of a session index, normalised from any of the three shapes. Times are epoch milliseconds.
/// <see cref="Channel"/> is already resolved per trace-contract section 3 from the entry's own fields.
/// </summary>
public sealed record SessionIndexEntry(
    string? Key,
    string SessionId,
    string? SessionFile,
    string? Name,
    long? CreatedAtMs,
    long? UpdatedAtMs,
    int? MessageCount,
    string? AgentId,
    string? Channel,
    string? ChatType,
    string? ModelProvider,
    string? Model,
    string? SpawnedBy,
    PromptReport? Report)
{
    /// <summary>
    /// The name the session was given on purpose (<c>label</c>, or a group's <c>subject</c>), unlike
    /// <see cref="Name"/>, which falls back to <c>displayName</c> and <c>origin.label</c>: those name the person at the
    /// other end of a direct chat.
    /// </summary>
    public string? GivenName { get; init; }
}
