using ClawLearn.Ingest;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Storage;

/// <summary>
/// Ingest into one shared store of each engine (as <c>--db</c> does) must leave exactly what per-agent SQLite stores
/// hold: the same exports and usage rows after a first ingest, and again after a run is appended (the incremental
/// path, where an engine tells which runs changed).
/// </summary>
public sealed class IngestEngineTests
{
    public static TheoryData<string> Engines() => StoreEngines.All();

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_shared_store_of_every_engine_ends_up_as_per_agent_sqlite_stores_do(string engine)
    {
        using var reference = new LearningHarness();
        using var location = StoreEngines.Create(engine);
        var state = reference.Fixture.Open();
        var agents = state.Agents.Select(a => a.Id).ToList();
        void IngestShared() => new Ingestor(state, _ => location.Open(), new IngestOptions { Learning = state.Config.Learning }).Run();

        reference.Ingest();
        IngestShared();
        AssertSame();

        File.AppendAllText(reference.Fixture.Path("agents", "main", "sessions", $"{SessionIds.V2Header}.jsonl"),
            """{"type":"message","id":"f9","timestamp":"2026-02-05T07:10:00.000Z","message":{"role":"user","content":"open the router page"}}""" + "\n"
            + """{"type":"message","id":"fa","timestamp":"2026-02-05T07:10:05.000Z","message":{"role":"assistant","content":[{"type":"toolCall","id":"c1","name":"browser","arguments":{"url":"http://192.168.1.1"}}],"provider":"anthropic","model":"claude-opus-4-5","usage":{"input":5,"output":7,"cacheRead":0,"cacheWrite":0,"totalTokens":12},"stopReason":"toolUse"}}""" + "\n");
        reference.Ingest();
        IngestShared();
        AssertSame();

        void AssertSame()
        {
            using var shared = location.Open();
            foreach (var agent in agents)
            {
                Assert.Equal(reference.Export(agent), LearningHarness.Export(shared, agent, state.Config.Learning));
                Assert.Equal(reference.Usage(agent), shared.Usage(agent).ToList());
            }
        }
    }
}
