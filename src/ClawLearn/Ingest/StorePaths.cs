namespace ClawLearn.Ingest;

/// <summary>
/// Where an agent's learning store lives: <c>--db</c> (a file, or a <c>postgres://</c> URL that every agent shares),
/// else <c>&lt;state dir&gt;/learning/&lt;agentId&gt;.sqlite</c>.
/// </summary>
public static class StorePaths
{
    public static string For(string stateDir, string agentId, string? dbOverride) =>
        dbOverride is { Length: > 0 } db
            ? Storage.PostgresUrl.IsPostgres(db) ? db : Path.GetFullPath(db)
            : Path.Combine(stateDir, "learning", agentId + ".sqlite");
}
