using ClawLearn.Ingest;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Tests.Learning;

public class IngestTests
{
    [Fact]
    public void Ingesting_twice_changes_nothing_and_says_so()
    {
        using var harness = new LearningHarness();
        var first = harness.Ingest();
        var export = harness.Export("main");
        var second = harness.Ingest();
        Assert.All(first, r => Assert.False(r.NothingChanged));
        Assert.All(second, r => Assert.True(r.NothingChanged));
        Assert.All(second, r => Assert.Equal(0, r.SessionsRead));
        // Sessions with a system-prompt report once compared unequal to themselves and forced a rebuild every time.
        Assert.All(second, r => Assert.False(r.TracesRebuilt));
        Assert.Equal(export, harness.Export("main"));
    }

    [Fact]
    public void A_first_ingest_builds_the_same_traces_from_the_facts_it_wrote_as_a_full_ingest_builds_from_the_store()
    {
        using var harness = new LearningHarness();
        harness.Ingest(); // no facts stored before: traces come from the facts just written
        var exports = new[] { "main", "ops", "research" }.Select(a => harness.Export(a)).ToList();
        var full = harness.Ingest(new IngestOptions { Full = true, Learning = harness.Fixture.Open().Config.Learning }); // facts stored: read back
        Assert.All(full, r => Assert.True(r.TracesRebuilt));
        Assert.Equal(exports, new[] { "main", "ops", "research" }.Select(a => harness.Export(a)));
    }

    [Fact]
    public void Ingesting_in_two_halves_gives_the_same_export_as_ingesting_once()
    {
        using var whole = new LearningHarness();
        whole.Ingest();
        using var halves = new LearningHarness();
        var restore = CutEveryTranscriptInHalf(halves.Fixture);
        var firstHalf = halves.Ingest();
        Assert.True(firstHalf.Single(r => r.AgentId == "main").TracesTotal < whole.Traces("main").Count);
        restore();
        var secondHalf = halves.Ingest();
        Assert.True(secondHalf.Single(r => r.AgentId == "main").SessionsRead > 0);
        Assert.NotEmpty(whole.Usage("main"));
        foreach (var agent in new[] { "main", "ops", "research" })
        {
            Assert.Equal(whole.Export(agent), halves.Export(agent));
            Assert.Equal(whole.Export(agent, ClawLearn.Export.ExportFormat.Csv), halves.Export(agent, ClawLearn.Export.ExportFormat.Csv));
            Assert.Equal(whole.Usage(agent), halves.Usage(agent));
        }
    }

    [Fact]
    public void A_pending_last_run_is_completed_by_the_next_ingest()
    {
        using var harness = new LearningHarness();
        Assert.Equal(1, harness.IngestAgent("main").PendingRuns);
        var before = harness.Traces("main").Count;
        var db = harness.Fixture.Path("agents", "main", "agent", "openclaw-agent.sqlite");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            StateDirFixture.Exec(connection, """INSERT INTO transcript_events VALUES ('5a1e0001-aaaa-4bbb-8ccc-ddddeeee0001', 8, '{"type":"message","id":"k9","timestamp":"2026-02-21T18:03:05.000Z","message":{"role":"assistant","content":[{"type":"text","text":"You are welcome."}],"provider":"anthropic","model":"claude-sonnet-4-5","usage":{"input":10,"output":3,"cacheRead":0,"cacheWrite":0,"totalTokens":13},"stopReason":"stop"}}', 0)""");
        }
        var result = harness.IngestAgent("main");
        Assert.Equal((1, 0, 1), (result.SessionsRead, result.PendingRuns, result.TracesAdded));
        Assert.Equal(before + 1, harness.Traces("main").Count);
    }

    [Fact]
    public void Appending_to_a_file_reads_only_the_new_part_and_keeps_ids()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var ids = harness.Traces("main").Select(t => t.TraceId).ToHashSet();
        var path = harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.V2Header}.jsonl");
        File.AppendAllText(path, """{"type":"message","id":"f9","timestamp":"2026-02-05T07:10:00.000Z","message":{"role":"user","content":"and tomorrow?"}}""" + "\n"
            + """{"type":"message","id":"fa","timestamp":"2026-02-05T07:10:05.000Z","message":{"role":"assistant","content":[{"type":"text","text":"Free."}],"provider":"anthropic","model":"claude-opus-4-5","stopReason":"stop"}}""" + "\n");
        var result = harness.IngestAgent("main");
        Assert.Equal(1, result.SessionsRead);
        Assert.Equal(4, result.LinesRead); // the last run again (user + assistant: it might have grown) and the new pair
        Assert.True(result.TracesAdded == 1);
        Assert.Subset(harness.Traces("main").Select(t => t.TraceId).ToHashSet(), ids);
    }

    [Fact]
    public void A_run_appended_to_an_old_session_rebuilds_the_traces_from_there_on_and_matches_a_fresh_ingest()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var path = harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.V2Header}.jsonl");
        var lastRun = harness.Traces("main").Where(t => t.SessionId == SessionIds.V2Header).Max(t => t.Timestamp);
        var before = harness.Traces("main");
        // A tool nobody called before: every later trace (of any session) now offers it.
        File.AppendAllText(path, """{"type":"message","id":"f9","timestamp":"2026-02-05T07:10:00.000Z","message":{"role":"user","content":"open the router page"}}""" + "\n"
            + """{"type":"message","id":"fa","timestamp":"2026-02-05T07:10:05.000Z","message":{"role":"assistant","content":[{"type":"toolCall","id":"c1","name":"browser","arguments":{"url":"http://192.168.1.1"}}],"provider":"anthropic","model":"claude-opus-4-5","stopReason":"toolUse"}}""" + "\n");
        var result = harness.IngestAgent("main");
        // The session's last run is read again and comes back the same: the new run is the earliest that changed.
        var newRun = DateTimeOffset.Parse("2026-02-05T07:10:00Z").ToUnixTimeMilliseconds();
        Assert.True(newRun > lastRun);
        Assert.Equal(newRun, result.RebuiltFromMs);
        Assert.True(result.TracesChanged > 0);
        var offered = harness.Traces("main").Where(t => t.Arms.Any(a => a.ArmId.StartsWith("tool:", StringComparison.Ordinal) && a.ArmId.EndsWith(":browser", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(offered);
        Assert.All(offered, t => Assert.True(t.Timestamp >= newRun));
        Assert.Equal(before.Where(t => t.Timestamp < newRun), harness.Traces("main").Where(t => t.Timestamp < newRun), new TraceJsonComparer());

        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    // The facts are saved before the traces are synced, in other transactions: a next ingest must finish what an ingest
    // stopped in between left, though it reads the runs saved then as unchanged.
    [Fact]
    public void An_ingest_whose_trace_sync_failed_is_finished_by_the_next_one()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var path = harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.V2Header}.jsonl");
        File.AppendAllText(path, """{"type":"message","id":"f9","timestamp":"2026-02-05T07:10:00.000Z","message":{"role":"user","content":"open the router page"}}""" + "\n"
            + """{"type":"message","id":"fa","timestamp":"2026-02-05T07:10:05.000Z","message":{"role":"assistant","content":[{"type":"toolCall","id":"c1","name":"browser","arguments":{"url":"http://192.168.1.1"}}],"provider":"anthropic","model":"claude-opus-4-5","stopReason":"toolUse"}}""" + "\n");
        FailingTraceSync.Ingest(harness);
        File.AppendAllText(path, """{"type":"message","id":"fb","timestamp":"2026-02-05T07:20:00.000Z","message":{"role":"user","content":"thanks"}}""" + "\n"
            + """{"type":"message","id":"fc","timestamp":"2026-02-05T07:20:05.000Z","message":{"role":"assistant","content":[{"type":"text","text":"You're welcome."}],"provider":"anthropic","model":"claude-opus-4-5","stopReason":"stop"}}""" + "\n");
        harness.Ingest();
        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
        // Finished once, then forgotten: a run with nothing new rebuilds nothing.
        Assert.False(harness.IngestAgent("main").TracesRebuilt);
    }

    [Fact]
    public void A_metadata_change_whose_trace_sync_failed_is_rebuilt_by_the_next_ingest()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var index = harness.Fixture.Path("agents", "main", "sessions", "sessions.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(index))!.AsObject();
        json["agent:main:discord:v2"] = new System.Text.Json.Nodes.JsonObject { ["sessionId"] = SessionIds.V2Header, ["channel"] = "discord" };
        File.WriteAllText(index, json.ToJsonString());
        FailingTraceSync.Ingest(harness);
        harness.Ingest(); // nothing changed since: the saved cursors already hold the new channel
        Assert.All(harness.Traces("main").Where(t => t.SessionId == SessionIds.V2Header), t => Assert.Equal("discord", t.Channel));
        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    /// <summary>A store whose trace sync fails, as a full disk would make it.</summary>
    public class FailingTraceSync : StoreProxy
    {
        /// <summary>Ingests the harness's fixture into its stores, through this proxy: the trace sync throws.</summary>
        public static void Ingest(LearningHarness harness)
        {
            var state = harness.Fixture.Open();
            var ingestor = new Ingestor(state, id => Wrap<FailingTraceSync>(harness.Open(id)), new IngestOptions { Learning = state.Config.Learning });
            Assert.Throws<IOException>(() => ingestor.Run());
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(ClawLearn.Storage.ILearningStore.SyncTraces)) throw new IOException("disk full (test)");
            return Forward(method, args);
        }
    }

    [Fact]
    public void A_last_run_that_grows_rebuilds_from_that_run_and_matches_a_fresh_ingest()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var path = harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.V2Header}.jsonl");
        var lastRun = harness.Traces("main").Where(t => t.SessionId == SessionIds.V2Header).Max(t => t.Timestamp);
        // The last run goes on: its assistant calls a tool nobody called before, so that run's own trace changes.
        File.AppendAllText(path, """{"type":"message","id":"fb","timestamp":"2026-02-05T07:10:05.000Z","message":{"role":"assistant","content":[{"type":"toolCall","id":"c2","name":"browser","arguments":{"url":"http://192.168.1.1"}}],"provider":"anthropic","model":"claude-opus-4-5","stopReason":"toolUse"}}""" + "\n");
        var result = harness.IngestAgent("main");
        Assert.Equal(lastRun, result.RebuiltFromMs);
        Assert.Contains(harness.Traces("main"), t => t.Timestamp == lastRun && t.Arms.Any(a => a.ArmId.EndsWith(":browser", StringComparison.Ordinal) && a.Referenced));
        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    [Fact]
    public void A_rewritten_file_that_lost_its_first_run_rebuilds_from_that_run_and_matches_a_fresh_ingest()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var path = harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.Old}.jsonl");
        var firstRun = harness.Traces("main").Where(t => t.SessionId == SessionIds.Old).Min(t => t.Timestamp);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(6))); // the header, then everything after the first run
        var result = harness.IngestAgent("main");
        Assert.Equal(firstRun, result.RebuiltFromMs); // the removed run's time, earlier than any run the file still has
        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    [Fact]
    public void A_session_that_grew_and_changed_its_channel_rebuilds_its_earlier_traces_too()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var sessions = harness.Fixture.Path("agents", "main", "sessions");
        var index = Path.Combine(sessions, "sessions.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(index))!.AsObject();
        Assert.DoesNotContain(json, e => (string?)e.Value!["sessionId"] == SessionIds.V2Header);
        json["agent:main:discord:v2"] = new System.Text.Json.Nodes.JsonObject { ["sessionId"] = SessionIds.V2Header, ["channel"] = "discord" };
        File.WriteAllText(index, json.ToJsonString());
        File.AppendAllText(Path.Combine(sessions, $"{SessionIds.V2Header}.jsonl"),
            """{"type":"message","id":"f9","timestamp":"2026-02-05T07:10:00.000Z","message":{"role":"user","content":"and tomorrow?"}}""" + "\n");
        var result = harness.IngestAgent("main");
        Assert.Null(result.RebuiltFromMs);
        Assert.All(harness.Traces("main").Where(t => t.SessionId == SessionIds.V2Header), t => Assert.Equal("discord", t.Channel));
        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    [Fact]
    public void A_new_session_whose_report_changes_a_component_cost_rebuilds_every_trace()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var sessions = harness.Fixture.Path("agents", "main", "sessions");
        // A session sorted before all others, whose report gives "exec" a new schema size: the cost every trace uses.
        File.WriteAllText(Path.Combine(sessions, "00000000-0000-4000-8000-000000000001.jsonl"),
            """{"type":"session","version":3,"id":"00000000-0000-4000-8000-000000000001","timestamp":"2026-02-21T20:00:00.000Z","cwd":"/home/alice"}""" + "\n"
            + """{"type":"message","id":"a1","timestamp":"2026-02-21T20:00:01.000Z","message":{"role":"user","content":"hi"}}""" + "\n"
            + """{"type":"message","id":"a2","timestamp":"2026-02-21T20:00:02.000Z","message":{"role":"assistant","content":[{"type":"text","text":"Hello."}],"provider":"anthropic","model":"claude-opus-4-5","stopReason":"stop"}}""" + "\n");
        var index = Path.Combine(sessions, "sessions.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(index))!.AsObject();
        json["agent:main:new"] = new System.Text.Json.Nodes.JsonObject
        {
            ["sessionId"] = "00000000-0000-4000-8000-000000000001",
            ["systemPromptReport"] = new System.Text.Json.Nodes.JsonObject
            {
                ["tools"] = new System.Text.Json.Nodes.JsonObject { ["entries"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "exec", ["schemaChars"] = 40000 }) },
            },
        };
        File.WriteAllText(index, json.ToJsonString());
        var result = harness.IngestAgent("main");
        Assert.Null(result.RebuiltFromMs);
        using var fresh = new LearningHarness(harness.Fixture);
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    [Fact]
    public void A_file_that_shrank_is_read_again_from_the_start()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var path = harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.Old}.jsonl");
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Take(6)); // header .. first run only
        var result = harness.IngestAgent("main");
        Assert.Equal(1, result.SessionsRead);
        Assert.True(result.TracesRemoved >= 2);
        Assert.Single(harness.Traces("main"), t => t.SessionId == SessionIds.Old);
    }

    [Fact]
    public void A_memory_change_re_reads_the_agent_and_a_daily_note_change_only_the_sessions_it_touches()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var note = harness.Fixture.Path("workspace", "memory", "2026-02-10.md");
        File.AppendAllText(note, "- VLAN 20 is storage; confirmed by the switch config export.\n");
        var afterNote = harness.IngestAgent("main");
        Assert.Equal(1, afterNote.SessionsReset); // only the fork session has runs on 02-10 / 02-11
        Assert.Equal(1, afterNote.SessionsRead);

        var memory = harness.Fixture.Path("workspace", "MEMORY.md");
        File.WriteAllText(memory, File.ReadAllText(memory).Replace("## Lessons", "## Lessons Learned"));
        var afterMemory = harness.IngestAgent("main");
        Assert.True(afterMemory.WorkspaceChanged);
        Assert.Equal(afterMemory.SessionsRead, afterMemory.SessionsReset);
        Assert.Contains(harness.Traces("main")[^1].Arms, a => a.ArmId == "memory:lessons-learned:main");
    }

    [Fact]
    public void Full_ingest_reads_everything_again_and_gives_the_same_traces()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var export = harness.Export("main");
        var full = harness.Ingest(new IngestOptions { Full = true, Learning = harness.Fixture.Open().Config.Learning });
        Assert.Equal(11, full.Single(r => r.AgentId == "main").SessionsRead);
        Assert.Equal(export, harness.Export("main"));
    }

    // Writes the first half of every transcript's lines (and SQLite events); returns how to put the rest back.
    private static Action CutEveryTranscriptInHalf(FixtureDir fixture)
    {
        var restores = new List<Action>();
        foreach (var file in Directory.EnumerateFiles(fixture.Root, "*.jsonl", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var newlines = bytes.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Select(x => x.i).ToList();
            if (newlines.Count < 2) continue;
            File.WriteAllBytes(file, bytes[..(newlines[newlines.Count / 2] + 1)]);
            restores.Add(() => File.WriteAllBytes(file, bytes));
        }
        foreach (var db in Directory.EnumerateFiles(fixture.Root, "openclaw-agent.sqlite", SearchOption.AllDirectories))
        {
            var backup = db + ".full";
            using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
            {
                connection.Open();
                StateDirFixture.Exec(connection, $"VACUUM INTO '{backup}'");
                StateDirFixture.Exec(connection, "DELETE FROM transcript_events WHERE seq > (SELECT MAX(seq) / 2 FROM transcript_events t WHERE t.session_id = transcript_events.session_id)");
            }
            restores.Add(() =>
            {
                using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
                connection.Open();
                StateDirFixture.Exec(connection, $"ATTACH '{backup}' AS full; DELETE FROM transcript_events; INSERT INTO transcript_events SELECT * FROM full.transcript_events;");
            });
        }
        return () =>
        {
            foreach (var restore in restores) restore();
        };
    }
}
