namespace ClawLearn.Wiki;

/// <summary>One finding of <c>clawlearn wiki lint</c>: its kind, the file it is in, and what is wrong.</summary>
public sealed record LintIssue(string Kind, string File, string Detail)
{
    public const string BrokenLink = "broken link";
    public const string Orphan = "orphan";
    public const string MissingFrontmatter = "missing frontmatter";
    public const string IndexDrift = "index drift";
    public const string BrokenMarkers = "broken markers";
}
