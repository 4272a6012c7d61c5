using ClawLearn.Ingest;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using ClawLearn.Usage;

namespace ClawLearn.Tests.Usage;

public class UsageIngestTests
{
    private const string Id = "0a5a0a5a-1111-4222-8333-444455556666";
    private static readonly DateTimeOffset T = new(2026, 3, 1, 23, 59, 0, TimeSpan.Zero);

    private static string SessionFile(LearningHarness h) => h.Fixture.Path("agents", "main", "sessions", Id + ".jsonl");

    // A greeting before any user turn, then a run that crosses midnight and switches model half-way.
    private static RealTranscript Greeting() => new RealTranscript("g")
        .Header(Id, T)
        .ModelChange(T, "anthropic", "claude-sonnet-4-5")
        .Assistant(T.AddSeconds(1), "Good evening! Anything for tonight?", usage: new ReportedUsage(100, 10, 0, 0, Cost: 0.001), model: "claude-sonnet-4-5");

    private static RealTranscript WithRun(RealTranscript t) => t
        .User(T.AddSeconds(30), "summarise the logs")
        .Assistant(T.AddSeconds(50), "Reading.", usage: new ReportedUsage(200, 20, 1000, 5, Cost: 0.002), model: "claude-sonnet-4-5")
        .Assistant(T.AddSeconds(70), "Done.", usage: new ReportedUsage(300, 30, 0, 0, Total: 400, Cost: 0.003), provider: "openai", model: "gpt-5.2")
        .Assistant(T.AddSeconds(80), "no usage here", withUsage: false)
        .DeliveryMirror(T.AddSeconds(81), "Done.");

    [Fact]
    public void Every_assistant_message_with_usage_is_counted_per_run_day_and_model_including_those_before_the_first_user_turn()
    {
        using var h = new LearningHarness();
        File.WriteAllText(SessionFile(h), WithRun(Greeting()).ToText());
        h.Ingest();
        var rows = h.Usage("main").Where(r => r.SessionId == Id).ToList();
        Assert.Equal(
        [
            new UsageRow("main", Id, -1, "2026-03-01", "anthropic", "claude-sonnet-4-5", 1, 100, 10, 0, 0, 110, 0.001, T.AddSeconds(1).ToUnixTimeMilliseconds(), T.AddSeconds(1).ToUnixTimeMilliseconds()),
            new UsageRow("main", Id, 0, "2026-03-01", "anthropic", "claude-sonnet-4-5", 1, 200, 20, 1000, 5, 1225, 0.002, T.AddSeconds(50).ToUnixTimeMilliseconds(), T.AddSeconds(50).ToUnixTimeMilliseconds()),
            new UsageRow("main", Id, 0, "2026-03-02", "openai", "gpt-5.2", 1, 300, 30, 0, 0, 400, 0.003, T.AddSeconds(70).ToUnixTimeMilliseconds(), T.AddSeconds(70).ToUnixTimeMilliseconds()),
        ], rows);
        // The run's trace holds only the run's usage; the report holds the greeting too.
        var trace = Assert.Single(h.Traces("main"), t => t.SessionId == Id);
        Assert.Equal(1625, trace.Usage!.Total);
        var line = Assert.Single(UsageReport.Build(rows, UsageGrouping.Session).Lines);
        Assert.Equal((3, 600L, 60L, 1000L, 5L, 1735L), (line.Messages, line.Input, line.Output, line.CacheRead, line.CacheWrite, line.Total));
        Assert.Equal(0.006, line.Cost, 12);
        Assert.Equal(["claude-sonnet-4-5", "gpt-5.2"], line.Models);
    }

    [Fact]
    public void A_session_that_grows_before_and_after_its_first_user_turn_ends_with_the_usage_a_fresh_ingest_gives()
    {
        using var grown = new LearningHarness();
        var path = SessionFile(grown);
        var greeting = Greeting();
        File.WriteAllText(path, greeting.ToText());
        grown.Ingest();
        greeting.Assistant(T.AddSeconds(5), "Also: the backup finished.", usage: new ReportedUsage(50, 5, 0, 0, Cost: 0.0005));
        File.WriteAllText(path, greeting.ToText());
        grown.Ingest();
        Assert.Equal(2, grown.Usage("main").Where(r => r.SessionId == Id).Sum(r => r.Messages)); // the greeting is not counted twice
        var final = WithRun(greeting).ToText(); // the builder appends in place: build the final text once
        File.WriteAllText(path, final);
        grown.Ingest();

        using var fresh = new LearningHarness();
        File.WriteAllText(SessionFile(fresh), final);
        fresh.Ingest();
        Assert.Equal(fresh.Usage("main"), grown.Usage("main"));
    }

    [Fact]
    public void A_store_from_before_usage_reports_is_filled_by_the_next_ingest()
    {
        using var h = new LearningHarness();
        h.Ingest();
        var expected = h.Usage("main");
        var export = h.Export("main");
        using (var store = h.Open("main"))
        {
            store.ReplaceUsage("main", SessionIds.MainDm, -1, []);
            foreach (var row in expected.Select(r => r.SessionId).Distinct()) store.ReplaceUsage("main", row, -1, []);
            store.DeleteMeta(Ingestor.UsageMetaKey("main"));
        }
        Assert.Empty(h.Usage("main"));
        var result = h.IngestAgent("main");
        Assert.Equal(11, result.SessionsRead);
        Assert.Equal(expected, h.Usage("main"));
        Assert.Equal(export, h.Export("main"));
        Assert.Equal(0, h.IngestAgent("main").SessionsRead); // once only
    }

    [Fact]
    public void Per_session_totals_agree_with_ccusages_rules_on_every_real_format_transcript()
    {
        using var h = new LearningHarness();
        UsageAgreement.Assert(h, CcusageRules.BySession(h.Fixture.Root));
    }

    [CcusageFact]
    public void Per_session_totals_agree_with_the_real_ccusage()
    {
        using var h = new LearningHarness();
        UsageAgreement.Assert(h, CcusageRules.FromCcusage(Environment.GetEnvironmentVariable("CLAWLEARN_CCUSAGE")!, h.Fixture.Root));
    }
}
