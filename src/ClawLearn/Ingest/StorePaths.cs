namespace ClawLearn.Ingest;

/// <summary>Where an agent's learning store lives: <c>--db</c>, else <c>&lt;state dir&gt;/learning/&lt;agentId&gt;.sqlite</c>.</summary>
public static class StorePaths
{
    public static string For(string stateDir, string agentId, string? dbOverride) =>
        dbOverride is { Length: > 0 } db ? Path.GetFullPath(db) : Path.Combine(stateDir, "learning", agentId + ".sqlite");
}
