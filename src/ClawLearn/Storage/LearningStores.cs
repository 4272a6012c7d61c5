namespace ClawLearn.Storage;

/// <summary>Opens a learning store by location: a <c>postgres://</c> URL, else a SQLite file path.</summary>
public static class LearningStores
{
    public static ILearningStore Open(string location) =>
        PostgresUrl.IsPostgres(location) ? PostgresLearningStore.Open(location) : SqliteLearningStore.Open(location);

    /// <summary>
    /// Whether there is learning data to read: the SQLite file exists. A PostgreSQL store always counts (its
    /// tables are created on open, and an agent without traces simply has none).
    /// </summary>
    public static bool Exists(string location) => PostgresUrl.IsPostgres(location) || File.Exists(location);
}
