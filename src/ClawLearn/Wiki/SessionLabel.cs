namespace ClawLearn.Wiki;

/// <summary>
/// What discovery says about a session, refreshed on every run (the session index changes without the transcript
/// changing): the index's name when it is safe to show (person labels such as <c>Alice (@alice) id:123</c> are not),
/// channel, kind (direct, group, subagent, cron, hook) and the skills its system-prompt report lists.
/// </summary>
public sealed record SessionLabel(string? IndexName, string? Channel, string Kind, IReadOnlyList<string> ReportSkills);
