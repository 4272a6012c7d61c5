namespace ClawLearn.Wiki;

/// <summary>One <c>##</c> section of a daily note (or its untitled lines, with a null section).</summary>
public sealed record NotePart(WorkspaceDoc Note, OutlineSection? Section)
{
    public IReadOnlyList<string> Lines => Section is null ? Note.Outline.Preamble : Section.AllLines.ToList();

    public DateOnly Date => Note.Date ?? DateOnly.MinValue;
}
