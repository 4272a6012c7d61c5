using ClawLearn.Export;
using ClawLearn.Ingest;
using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Storage;

/// <summary>The learning-store contract, run against every engine: SQLite, and PostgreSQL when a server is given.</summary>
public sealed class StoreContractTests
{
    public static TheoryData<string> Engines() => StoreEngines.All();

    private static RunTrace Trace(string id, long timestamp, string armId = "tool:web:web_search", bool referenced = true) => new(
        id, "run_" + id, "s1", "agent:main:main", timestamp, "anthropic", "claude", "webchat", true,
        new TraceContext("agent:main:main", "webchat", "anthropic", "claude"), [new ArmOutcome(armId, true, referenced, 100)],
        new TraceUsage(1, 2, 3, 4, 10), 500, 1000, false, null);

    [Theory]
    [MemberData(nameof(Engines))]
    public void Traces_sync_upsert_and_read_in_both_orders(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var store = location.Open();
        Assert.Equal((3, 0, 0), store.SyncTraces("main", [Trace("b", 2000), Trace("a", 2000), Trace("c", 1000)]));
        Assert.Equal((0, 1, 1), store.SyncTraces("main", [Trace("b", 2000, referenced: false), Trace("a", 2000)]));
        Assert.Equal(TraceWrite.Added, store.UpsertRecordedTrace("main", Trace("live", 3000)));
        Assert.Equal(TraceWrite.Unchanged, store.UpsertRecordedTrace("main", Trace("live", 3000)));
        Assert.Equal(TraceWrite.Changed, store.UpsertRecordedTrace("main", Trace("live", 3000, referenced: false)));
        Assert.Equal(TraceWrite.Conflict, store.UpsertRecordedTrace("other", Trace("live", 3000)));
        // Ingest owns only its own traces: a re-sync keeps the recorded one.
        Assert.Equal((0, 0, 0), store.SyncTraces("main", [Trace("b", 2000, referenced: false), Trace("a", 2000)]));
        Assert.Equal(["live", "a", "b"], store.TracesNewestFirst("main").Select(t => t.TraceId));
        Assert.Equal(["a", "b"], store.TracesNewestFirst("main", limit: 2, offset: 1).Select(t => t.TraceId));
        Assert.Equal(["a", "b", "live"], store.TracesInTimeOrder("main").Select(t => t.TraceId));
        Assert.Equal(3, store.CountTraces("main"));
        Assert.Equal(0, store.CountTraces("other"));
        Assert.Equal(Trace("a", 2000), store.TracesInTimeOrder("main").First(), new TraceJsonComparer());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_sync_from_a_time_leaves_the_earlier_traces_alone(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var store = location.Open();
        store.SyncTraces("main", [Trace("a", 1000), Trace("b", 2000), Trace("c", 3000)]);
        // From 2000 on: b changes, c goes, d comes; a, before that time, is neither compared nor removed.
        Assert.Equal((1, 1, 1), store.SyncTraces("main", [Trace("b", 2000, referenced: false), Trace("d", 2500)], fromTimestamp: 2000));
        Assert.Equal(["a", "b", "d"], store.TracesInTimeOrder("main").Select(t => t.TraceId));
        Assert.False(store.TracesInTimeOrder("main").Single(t => t.TraceId == "b").Arms[0].Referenced);
    }

    // Ingest rebuilds traces from the earliest run whose facts changed; the store tells which, by comparing.
    [Theory]
    [MemberData(nameof(Engines))]
    public void Replacing_facts_tells_the_earliest_time_of_a_run_added_changed_or_removed(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var store = location.Open();
        const long Day = 86_400_000;
        var t0 = DateTimeOffset.Parse("2026-03-01T10:00:00Z").ToUnixTimeMilliseconds();
        RunFacts Facts(int index, long? time, bool aborted = false) =>
            new("main", "s1", index, 0, time, time, time, null, null, null, null, true, null, aborted, null, [], [], [], []);

        Assert.Equal(t0, store.ReplaceFacts("main", "s1", 0, [Facts(0, t0), Facts(1, t0 + Day)]));
        // The last run read again unchanged, one appended: only the new one counts.
        Assert.Equal(t0 + 2 * Day, store.ReplaceFacts("main", "s1", 1, [Facts(1, t0 + Day), Facts(2, t0 + 2 * Day)]));
        Assert.Null(store.ReplaceFacts("main", "s1", 1, [Facts(1, t0 + Day), Facts(2, t0 + 2 * Day)]));
        // Run 1 read differently, run 2 gone: the earlier of the two.
        Assert.Equal(t0 + Day, store.ReplaceFacts("main", "s1", 1, [Facts(1, t0 + Day, aborted: true)]));
        // A run that moved later counts from its old time; one that lost its time, from its old time too.
        Assert.Equal(t0, store.ReplaceFacts("main", "s1", 0, [Facts(0, t0 + 5 * Day), Facts(1, t0 + Day, aborted: true)]));
        Assert.Equal(t0 + 5 * Day, store.ReplaceFacts("main", "s1", 0, [Facts(0, null), Facts(1, t0 + Day, aborted: true)]));
        Assert.Equal([(0, (long?)null), (1, t0 + Day)], store.Facts("main").Select(f => (f.UserIndex, f.Timestamp)));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Trace_ids_sort_bytewise_as_in_sqlite(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var store = location.Open();
        store.SyncTraces("main", [Trace("tr_b", 1), Trace("tr_B", 1), Trace("tr_a", 1), Trace("tr_ä", 1), Trace("tr_A", 1)]);
        Assert.Equal(["tr_A", "tr_B", "tr_a", "tr_b", "tr_ä"], store.TracesInTimeOrder("main").Select(t => t.TraceId));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Cursors_facts_events_and_meta_round_trip(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var store = location.Open();
        var cursor = new SourceCursor("main", "s1", "Jsonl", "/x/s1.jsonl", "id", 10, 20, 30, 2, "anthropic", null, "{\"label\":\"x\"}");
        store.SaveCursor(cursor);
        store.SaveCursor(cursor with { Position = 40 });
        Assert.Equal([cursor with { Position = 40 }], store.Cursors("main"));
        Assert.Empty(store.Cursors("other"));

        var day1 = DateTimeOffset.Parse("2026-03-01T10:00:00Z").ToUnixTimeMilliseconds();
        RunFacts Facts(string session, int index, long? time) => new("main", session, index, 0, time, time, time, null, null, null, null, true, null, false, null, [], [], [], []);
        store.ReplaceFacts("main", "s1", 0, [Facts("s1", 0, day1), Facts("s1", 1, day1 + 86_400_000)]);
        store.ReplaceFacts("main", "s2", 0, [Facts("s2", 0, day1)]);
        store.ReplaceFacts("main", "s1", 1, [Facts("s1", 1, null), Facts("s1", 2, day1)]);
        Assert.Equal([("s1", 0), ("s1", 1), ("s1", 2), ("s2", 0)], store.Facts("main").Select(f => (f.SessionId, f.UserIndex)));
        Assert.Equal(["s1", "s2"], store.SessionsOnDays("main", [DateOnly.Parse("2026-03-01")]));
        Assert.Empty(store.SessionsOnDays("main", [DateOnly.Parse("2026-03-02")]));

        var first = store.AddEvent("main", new LearningEvent(0, LearningEventKind.Reward, 2000, ["tool:fs:read"], 1, "why"));
        var second = store.AddEvent("main", new LearningEvent(0, LearningEventKind.Reset, 1000, [], 0, null));
        Assert.True(second > first);
        Assert.Equal([(second, LearningEventKind.Reset, 1000L), (first, LearningEventKind.Reward, 2000L)], store.Events("main").Select(e => (e.Id, e.Kind, e.TimestampMs)));
        Assert.Equal(["tool:fs:read"], store.Events("main")[1].ArmIds);
        Assert.Equal("why", store.Events("main")[1].Reason);

        store.SetMeta("ws:main:a_b", "1");
        store.SetMeta("ws:main:a_b", "2");
        store.SetMeta("ws:mainx", "3");
        store.SetMeta("wsXmain", "4");
        Assert.Equal("2", store.GetMeta("ws:main:a_b"));
        Assert.Equal([("ws:main:a_b", "2"), ("ws:mainx", "3")], store.MetaWithPrefix("ws:main"));
        store.DeleteMeta("ws:main:a_b");
        Assert.Null(store.GetMeta("ws:main:a_b"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_failed_transaction_leaves_nothing(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var store = location.Open();
        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.SyncTraces("main", [Trace("a", 1)]);
            store.SetMeta("k", "v");
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal(0, store.CountTraces("main"));
        Assert.Null(store.GetMeta("k"));
        // The arm the rolled-back sync registered is gone with it: writing it again registers it again, so another
        // connection, which knows only what was committed, reads it back.
        store.SyncTraces("main", [Trace("b", 2)]);
        using var other = location.Open();
        Assert.Equal(["tool:web:web_search"], other.TracesInTimeOrder("main").Single().Arms.Select(a => a.ArmId));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Arms_another_connection_registered_are_read_back(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var reader = location.Open();
        reader.SyncTraces("main", [Trace("a", 1)]);
        Assert.Single(reader.TracesInTimeOrder("main")); // the reader's arm dictionary is loaded now
        using (var writer = location.Open())
        {
            writer.UpsertRecordedTrace("main", Trace("b", 2, armId: "skill:main:notes"));
            writer.UpsertRecordedTrace("main", Trace("c", 3, armId: "tool:fs:read"));
        }
        Assert.Equal(["tool:web:web_search", "skill:main:notes", "tool:fs:read"],
            reader.TracesInTimeOrder("main").Select(t => t.Arms.Single().ArmId));
        // And the reader, writing a trace with one of them, numbers it as the other connection did.
        Assert.Equal(TraceWrite.Unchanged, reader.UpsertRecordedTrace("main", Trace("c", 3, armId: "tool:fs:read")));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Another_connections_commit_changes_the_stamp_and_own_writes_do_not(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using var store = location.Open();
        var stamp = store.ExternalChangeStamp();
        store.UpsertRecordedTrace("main", Trace("own", 1));
        store.AddEvent("main", new LearningEvent(0, LearningEventKind.Reward, 2, ["tool:web:web_search"], 1, null));
        Assert.Equal(stamp, store.ExternalChangeStamp());
        using (var other = location.Open()) other.UpsertRecordedTrace("main", Trace("other", 2));
        Assert.NotEqual(stamp, store.ExternalChangeStamp());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Opening_twice_migrates_once(string engine)
    {
        using var location = StoreEngines.Create(engine);
        using (var first = location.Open()) first.SyncTraces("main", [Trace("a", 1)]);
        using var second = location.Open();
        Assert.Equal(1, second.CountTraces("main"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Ingest_into_the_engine_exports_exactly_what_sqlite_does(string engine)
    {
        using var learning = new LearningHarness();
        learning.Ingest();
        var expected = learning.Export("main");
        using var location = StoreEngines.Create(engine);
        var state = learning.Fixture.Open();
        var stores = new List<ILearningStore>();
        try
        {
            new Ingestor(state, _ => { var s = location.Open(); stores.Add(s); return s; }, new IngestOptions { Learning = state.Config.Learning }).Run();
        }
        finally
        {
            foreach (var s in stores) s.Dispose();
        }
        using var store = location.Open();
        using var output = new MemoryStream();
        LearningExporter.Write(output, store.TracesNewestFirst("main"),
            () => PosteriorCalculator.Compute(store.TracesInTimeOrder("main"), store.Events("main"), state.Config.Learning),
            new ExportOptions { Format = ExportFormat.Json, Traces = true, Posteriors = true });
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }
}
