namespace ClawLearn.Wiki;

/// <summary>
/// What discovery says about a session, refreshed on every run (the session index changes without the transcript
/// changing): the name it was given on purpose when it is safe to show (<c>displayName</c> and origin labels such as
/// <c>Alice (@alice) id:123</c> are never shown), channel, kind (direct, group, subagent, cron, hook) and the skills its
/// system-prompt report lists.
/// </summary>
public sealed record SessionLabel(string? IndexName, string? Channel, string Kind, IReadOnlyList<string> ReportSkills);
