namespace ClawLearn.Sessions;

/// <summary>
/// The useful part of a session entry's <c>systemPromptReport</c> (and <c>skillsSnapshot</c>): which tools,
/// skills and workspace files the prompt actually carried, and their sizes. The rest of the report (often
/// 100 KB of prompt text) is dropped as soon as the entry is read.
/// </summary>
public sealed record PromptReport(
    IReadOnlyDictionary<string, int> ToolSchemaChars,
    IReadOnlyDictionary<string, int> SkillChars,
    IReadOnlyList<InjectedFile> InjectedFiles,
    int? SystemPromptChars);

/// <summary>One <c>injectedWorkspaceFiles</c> entry of a system-prompt report.</summary>
public sealed record InjectedFile(string Name, int RawChars, int InjectedChars, bool Truncated, bool Missing);
