using System.Text;
using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Storage;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using ClawLearn.Transcripts;
using Microsoft.Data.Sqlite;

namespace ClawLearn.Tests.Review;

/// <summary>Regressions for what an independent review of the learning layer found.</summary>
public class LearningReviewRegressionTests
{
    [Fact]
    public void A_session_whose_transcript_is_gone_keeps_its_metadata_through_a_workspace_change()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var before = harness.Traces("main").Single(t => t.SessionId == SessionIds.Subagent);
        var transcript = harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.Subagent}.jsonl");
        File.Move(transcript, harness.Fixture.Path("subagent-moved-away.jsonl"));
        var memory = harness.Fixture.Path("workspace", "MEMORY.md");
        File.WriteAllText(memory, File.ReadAllText(memory).Replace("## Lessons", "## Lessons Learned"));
        harness.Ingest();
        var after = harness.Traces("main").Single(t => t.SessionId == SessionIds.Subagent);
        Assert.Equal(before.SessionKey, after.SessionKey);
        Assert.Equal(before.Arms.Select(a => a.ArmId), after.Arms.Select(a => a.ArmId)); // still a sub-agent run: no memory arms
    }

    [Fact]
    public void Deleting_a_daily_note_is_noticed()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        Assert.Contains(harness.Traces("main"), t => t.Arms.Any(a => a.ArmId == "memory:daily:2026-02-20"));
        File.Delete(harness.Fixture.Path("workspace", "memory", "2026-02-20.md"));
        var result = harness.IngestAgent("main");
        Assert.False(result.NothingChanged);
        Assert.DoesNotContain(harness.Traces("main"), t => t.Arms.Any(a => a.ArmId == "memory:daily:2026-02-20"));
        using var fresh = new LearningHarness();
        File.Delete(fresh.Fixture.Path("workspace", "memory", "2026-02-20.md"));
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    [Fact]
    public void An_edit_inside_the_truncated_middle_of_memory_is_noticed()
    {
        using var harness = new LearningHarness();
        harness.Ingest();
        var memory = harness.Fixture.Path("workspace", "MEMORY.md");
        var text = File.ReadAllText(memory);
        var old = text.Split('\n').First(l => l.StartsWith("- Vendor 001:"));
        var replacement = "- add a USB extension cable for the Sonoff dongle".PadRight(old.Length, '.');
        File.WriteAllText(memory, text.Replace(old, replacement));
        Assert.True(harness.IngestAgent("main").WorkspaceChanged);
        using var fresh = new LearningHarness();
        var freshMemory = fresh.Fixture.Path("workspace", "MEMORY.md");
        File.WriteAllText(freshMemory, File.ReadAllText(freshMemory).Replace(old, replacement));
        fresh.Ingest();
        Assert.Equal(fresh.Export("main"), harness.Export("main"));
    }

    [Fact]
    public void A_store_from_a_newer_clawlearn_is_a_clear_error()
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("new.sqlite");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            StateDirFixture.Exec(connection, "PRAGMA user_version = 99");
        }
        Assert.Throws<StoreException>(() => SqliteLearningStore.Open(db).Dispose());
        var result = CliRunner.Run(fixture.Home, "export", "--state-dir", fixture.Root, "--db", db);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("newer than this ClawLearn knows", result.Error);
    }

    [Theory]
    [InlineData("reward", "read", "accepted")]
    [InlineData("reset", "--confirm")]
    public void Reward_and_reset_before_any_ingest_create_nothing(params string[] args)
    {
        using var fixture = new FixtureDir();
        using var temp = new TempDir();
        var db = temp.Combine("none.sqlite");
        var result = CliRunner.Run(fixture.Home, [.. args, "--state-dir", fixture.Root, "--db", db]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run 'clawlearn ingest' first", result.Error);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Duration_runs_to_the_last_timed_turn_and_a_negative_one_is_null()
    {
        var collector = new RunCollector("main", "s", ReferenceTargets.None);
        collector.Add(new Turn(TurnRole.User, 1000, "q", []), 0);
        collector.Add(new Turn(TurnRole.Assistant, 3000, "a", []), 1);
        collector.Add(new Turn(TurnRole.Assistant, 1500, "b", []), 2);
        var (_, last) = collector.Complete();
        Assert.Equal(1500, last!.LastTimeMs);
        var trace = new TraceBuilder(AgentInventory.Empty, new LearningConfig()).Build([last], _ => null).Traces.Single();
        Assert.Equal(500, trace.DurationMs);

        var backwards = new RunCollector("main", "s", ReferenceTargets.None);
        backwards.Add(new Turn(TurnRole.User, 1000, "q", []), 0);
        backwards.Add(new Turn(TurnRole.Assistant, 900, "a", []), 1);
        var facts = backwards.Complete().Last!;
        Assert.Null(new TraceBuilder(AgentInventory.Empty, new LearningConfig()).Build([facts], _ => null).Traces.Single().DurationMs);
    }

    [Fact]
    public void A_tool_call_without_a_name_makes_a_valid_arm()
    {
        var stats = new TranscriptReadStats();
        var line = """{"type":"message","id":"a","message":{"role":"assistant","content":[{"type":"toolCall","id":"t","name":"  ","arguments":{}}]}}""" + "\n";
        var turn = JsonlTranscriptReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(line)), stats).OfType<Turn>().Single();
        Assert.Equal("(unnamed)", turn.ToolCalls[0].Name);
        Assert.NotNull(ArmId.Parse(ArmId.Tool(turn.ToolCalls[0].Name)));
    }
}
