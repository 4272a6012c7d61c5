using ClawLearn.StateDir;
using ClawLearn.Transcripts;

namespace ClawLearn.Sessions;

/// <summary>
/// What discovery finds before any session index is read (<see cref="SessionDiscovery.List"/>): each agent's sources,
/// de-duplicated and in session id order, and the sources skipped.
/// </summary>
public sealed record SessionListing(IReadOnlyList<AgentSources> Agents, IReadOnlyList<SkippedSource> Skipped);

/// <summary>
/// One agent's sources in session id order, the sessions its SQLite store describes, and the problems met listing them.
/// </summary>
public sealed record AgentSources(
    AgentLayout Agent,
    IReadOnlyList<SessionSource> Sources,
    IReadOnlyDictionary<string, SqliteSessionWindow> Windows,
    IReadOnlyList<string> Problems);
