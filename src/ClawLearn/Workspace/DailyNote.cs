namespace ClawLearn.Workspace;

/// <summary>A daily note <c>memory/YYYY-MM-DD.md</c>.</summary>
public sealed record DailyNote(DateOnly Date, string Path, long Bytes)
{
    public string ArmId => $"memory:daily:{Date:yyyy-MM-dd}";
    public string FileName => $"{Date:yyyy-MM-dd}.md";
}
