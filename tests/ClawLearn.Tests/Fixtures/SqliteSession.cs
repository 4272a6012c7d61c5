namespace ClawLearn.Tests.Fixtures;

/// <summary>One session to write into a fixture SQLite store.</summary>
public sealed record SqliteSession(
    string SessionId,
    IReadOnlyList<string> Events,
    string? SessionKey = null,
    string? Channel = null,
    string? Provider = null,
    string? Model = null,
    string? NodeEntryJson = null);
