namespace ClawLearn.Sessions;

/// <summary>Where a session's events come from.</summary>
public enum SessionSourceKind
{
    /// <summary>A live <c>*.jsonl</c> transcript (including the legacy <c>&lt;state dir&gt;/sessions</c> folder).</summary>
    Jsonl,
    /// <summary>The per-agent SQLite store of OpenClaw 2026.8 and later.</summary>
    Sqlite,
    /// <summary>A <c>*.jsonl.deleted.&lt;ts&gt;</c> or <c>*.jsonl.reset.&lt;ts&gt;</c> archive, read on request.</summary>
    Archived,
}
