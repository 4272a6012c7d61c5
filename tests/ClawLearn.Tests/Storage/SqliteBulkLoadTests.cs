using ClawLearn.Ingest;
using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Storage;

/// <summary>
/// A first ingest writes a store that holds nothing yet without fsyncs (synchronous = OFF on ingest's own connection);
/// a store with anything in it, which may hold what history cannot give back, keeps NORMAL.
/// </summary>
public sealed class SqliteBulkLoadTests
{
    private static readonly RunTrace Trace = MinimalTrace.Trace;

    [Fact]
    public void An_empty_store_is_relaxed_on_the_asking_connection_only()
    {
        using var dir = new TempDir("clawlearn-bulk");
        var path = dir.Combine("new.sqlite");
        using var store = SqliteLearningStore.Open(path);
        Assert.Equal(1, store.Synchronous);
        Assert.True(store.PrepareBulkLoad());
        Assert.Equal(0, store.Synchronous);
        using var other = SqliteLearningStore.Open(path);
        Assert.Equal(1, other.Synchronous);
        // What it writes meanwhile is stored as ever.
        Assert.Equal((1, 0, 0), store.SyncTraces("main", [Trace]));
        Assert.Equal("tr_1", Assert.Single(other.TracesInTimeOrder("main")).TraceId);
    }

    public static TheoryData<string> Contents => ["trace", "event", "cursor", "facts", "usage"];

    [Theory]
    [MemberData(nameof(Contents))]
    public void A_store_that_holds_anything_keeps_its_syncs(string content)
    {
        using var dir = new TempDir("clawlearn-bulk");
        var path = dir.Combine("used.sqlite");
        using (var store = SqliteLearningStore.Open(path))
        {
            // Another agent's data counts too: one file may serve every agent.
            switch (content)
            {
                case "trace": store.SyncTraces("other", [Trace]); break;
                case "event": store.AddEvent("other", new LearningEvent(0, LearningEventKind.Reward, 2000, ["tool:fs:read"], 1, "why")); break;
                case "cursor": store.SaveCursor(new SourceCursor("other", "s1", "Jsonl", "/x/s1.jsonl", "id", 10, 20, 30, 2, "anthropic", null, "{}")); break;
                case "facts": store.ReplaceFacts("other", "s1", 0, [new RunFacts("other", "s1", 0, 0, 1000, 1000, 1000, null, null, null, null, true, null, false, null, [], [], [], [])]); break;
                case "usage": store.ReplaceUsage("other", "s1", -1, [new ClawLearn.Usage.UsageRow("other", "s1", 0, "2026-01-01", "anthropic", "m", 1, 2, 3, 4, 5, 14, 0.5, 1000, 1000)]); break;
            }
        }
        using var again = SqliteLearningStore.Open(path);
        Assert.False(again.PrepareBulkLoad());
        Assert.Equal(1, again.Synchronous);
    }

    [Fact]
    public void Ingest_asks_every_store_before_writing_and_only_a_first_ingest_relaxes()
    {
        using var harness = new LearningHarness();
        var first = Recorder.Ingest(harness);
        Assert.All(first.Values, calls => Assert.Equal("PrepareBulkLoad=True", calls[0]));
        Assert.Equal(harness.Fixture.Open().Agents.Count, first.Count);
        var second = Recorder.Ingest(harness);
        Assert.All(second.Values, calls => Assert.Equal("PrepareBulkLoad=False", calls[0]));
        // Relaxed or not, the store ends the same: a fresh ingest and this one export alike.
        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    /// <summary>A store that records, per agent, the calls ingest makes to it (with PrepareBulkLoad's answer).</summary>
    public class Recorder : StoreProxy
    {
        private List<string> _calls = null!;

        public static Dictionary<string, List<string>> Ingest(LearningHarness harness)
        {
            var calls = new Dictionary<string, List<string>>();
            var state = harness.Fixture.Open();
            new Ingestor(state, id => Wrap<Recorder>(harness.Open(id), r => r._calls = calls[id] = []),
                new IngestOptions { Learning = state.Config.Learning }).Run();
            return calls;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            var result = Forward(method!, args);
            _calls.Add(method!.Name == nameof(ILearningStore.PrepareBulkLoad) ? $"{method.Name}={result}" : method.Name);
            return result;
        }
    }
}
