using ClawLearn.Ingest;
using ClawLearn.Learning;
using ClawLearn.Status;
using ClawLearn.Storage;

namespace ClawLearn.Wiki;

/// <summary>
/// Reads an agent's learning store, when <c>clawlearn ingest</c> has written one, into <see cref="LearningEvidence"/>:
/// the same posteriors and never-referenced arms <c>clawlearn status</c> shows. No store means no evidence, never an
/// error; the wiki then counts references from the sessions it reads itself.
/// </summary>
public static class LearningEvidenceReader
{
    /// <summary>The agent's evidence, null when there is none; <paramref name="db"/> is the store as <c>--db</c> names it (null: the agent's default file).</summary>
    public static LearningEvidence? Read(string stateRoot, string agentId, string? db, LearningConfig config, out string? problem)
    {
        problem = null;
        var path = StorePaths.For(stateRoot, agentId, db);
        if (!LearningStores.Exists(path)) return null;
        try
        {
            using var store = LearningStores.Open(path);
            // A shared store (one file or database for every agent) may hold nothing for this one yet.
            if (db is not null && store.CountTraces(agentId) == 0 && store.Events(agentId).Count == 0) return null;
            var status = LearningStatus.Compute(store, agentId, config);
            var never = status.NeverReferenced.ToHashSet(StringComparer.Ordinal);
            // Daily-note arms are one per day: years of them would say nothing a page needs.
            var arms = status.Posteriors
                .Where(p => !p.ArmId.StartsWith("memory:daily:", StringComparison.Ordinal))
                .OrderBy(p => p.ArmId, StringComparer.Ordinal)
                .Select(p => new ArmEvidence(p.ArmId, p.Alpha, p.Beta, p.Pulls, !never.Contains(p.ArmId)))
                .ToList();
            return new LearningEvidence(status.Runs.TraceCount, arms);
        }
        catch (Exception e) when (e is StoreException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException)
        {
            problem = $"learning store {(PostgresUrl.IsPostgres(path) ? PostgresUrl.Redact(path) : path)} not used: {e.Message}";
            return null;
        }
    }
}
