using System.Text;
using ClawLearn.Export;
using ClawLearn.Ingest;
using ClawLearn.Learning;
using ClawLearn.Storage;

namespace ClawLearn.Tests.Support;

/// <summary>A fixture state directory plus a learning store folder, with ingest and export in one call each.</summary>
public sealed class LearningHarness : IDisposable
{
    private readonly TempDir _stores = new("clawlearn-store");

    public LearningHarness(FixtureDir? fixture = null) => Fixture = fixture ?? new FixtureDir();

    public FixtureDir Fixture { get; }

    public string StorePath(string agentId) => _stores.Combine(agentId + ".sqlite");

    public SqliteLearningStore Open(string agentId) => SqliteLearningStore.Open(StorePath(agentId));

    public IReadOnlyList<AgentIngestResult> Ingest(IngestOptions? options = null)
    {
        var state = Fixture.Open();
        var effective = options ?? new IngestOptions { Learning = state.Config.Learning };
        return new Ingestor(state, id => Open(id), effective).Run();
    }

    public AgentIngestResult IngestAgent(string agentId) => Ingest().Single(r => r.AgentId == agentId);

    public string Export(string agentId, ExportFormat format = ExportFormat.Json, bool traces = true, bool posteriors = true, LearningConfig? config = null)
    {
        using var store = Open(agentId);
        return Export(store, agentId, config ?? Fixture.Open().Config.Learning, format, traces, posteriors);
    }

    /// <summary>An agent's export from any store, as <c>clawlearn export</c> writes it.</summary>
    public static string Export(ILearningStore store, string agentId, LearningConfig learning, ExportFormat format = ExportFormat.Json,
        bool traces = true, bool posteriors = true)
    {
        using var output = new MemoryStream();
        LearningExporter.Write(output, store.TracesNewestFirst(agentId),
            () => PosteriorCalculator.Compute(store.TracesInTimeOrder(agentId), store.Events(agentId), learning),
            new ExportOptions { Format = format, Traces = traces, Posteriors = posteriors });
        return Encoding.UTF8.GetString(output.ToArray());
    }

    public List<ClawLearn.Usage.UsageRow> Usage(string agentId)
    {
        using var store = Open(agentId);
        return store.Usage(agentId).ToList();
    }

    public List<RunTrace> Traces(string agentId)
    {
        using var store = Open(agentId);
        return store.TracesInTimeOrder(agentId).ToList();
    }

    public void Dispose()
    {
        Fixture.Dispose();
        _stores.Dispose();
    }
}
