using ClawLearn.Sessions;

namespace ClawLearn.Wiki;

/// <summary>
/// One source the wiki reads: a memory file, a daily (or other) note, DREAMS.md, a session index or a session.
/// <see cref="Key"/> names it in the manifest, <see cref="Ref"/> in page frontmatter. For files, size and modification
/// time are the cheap test of "unchanged"; a SQLite session uses its event count instead.
/// </summary>
public sealed record WikiSource(
    string Key,
    string Ref,
    string Path,
    string Type,
    string AgentId,
    long SizeBytes,
    long ModifiedMs,
    SessionInfo? Session = null)
{
    public bool IsSqlite => Session?.Source.Kind == SessionSourceKind.Sqlite;
}
