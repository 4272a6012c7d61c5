using System.Text.Json.Nodes;
using ClawLearn.Cli.Api;
using ClawLearn.Learning;
using ClawLearn.Selection;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Api;

/// <summary>The POST routes: every write lands in the store and in the served posteriors, which stay equal to a replay.</summary>
public sealed class ApiWriteTests : IDisposable
{
    private readonly ApiHarness _api = new();

    public void Dispose() => _api.Dispose();

    private LearningConfig Config => _api.Learning.Fixture.Open().Config.Learning;

    internal static RunTrace NewTrace(string id, long timestamp, params ArmOutcome[] arms) => new(
        id, "run_" + id, "sess-api", "agent:main:api", timestamp, "anthropic", "claude-sonnet-4-5", "api", false,
        new TraceContext("agent:main:api", "api", "anthropic", "claude-sonnet-4-5"), arms,
        new TraceUsage(100, 50, 0, 0, 150), 1200, 4000, false, null);

    internal static string Json(RunTrace trace) => System.Text.Json.JsonSerializer.Serialize(trace, LearningJsonContext.Default.RunTrace);

    private async Task AssertServedEqualsReplay()
    {
        using var store = _api.Learning.Open("main");
        var expected = PosteriorCalculator.Compute(store.TracesInTimeOrder("main"), store.Events("main"), Config);
        var served = (await _api.GetAsync("posteriors")).Body!.AsArray();
        Assert.Equal(expected.Select(p => (p.ArmId, p.Alpha, p.Beta, p.Pulls, p.LastUpdated)),
            served.Select(a => ((string)a!["armId"]!, (double)a["alpha"]!, (double)a["beta"]!, (long)a["pulls"]!, (long)a["lastUpdated"]!)));
    }

    private static readonly ArmOutcome Search = new("tool:web:web_search", true, true, 300);
    private static readonly ArmOutcome Soul = new("file:workspace:SOUL.md", true, false, 500);

    [Fact]
    public async Task Posting_a_trace_stores_it_and_updates_posteriors_once()
    {
        var before = await Posterior("tool:web:web_search");
        var trace = NewTrace("tr_api_1", DateTimeOffset.Parse("2026-03-01T10:00:00Z").ToUnixTimeMilliseconds(), Search, Soul);
        var (status, body, _) = await _api.PostAsync("traces", Json(trace));
        Assert.Equal(201, status);
        Assert.Equal("added", (string)body!["status"]!);
        Assert.Equal(2, (int)body["armsUpdated"]!);
        var after = await Posterior("tool:web:web_search");
        Assert.Equal((before?["alpha"] is { } a ? (double)a : 3) + 1, (double)after!["alpha"]!);

        // A retry of the same trace changes nothing.
        (status, body, _) = await _api.PostAsync("traces", Json(trace));
        Assert.Equal(200, status);
        Assert.Equal("unchanged", (string)body!["status"]!);
        Assert.Equal((double)after["alpha"]!, (double)(await Posterior("tool:web:web_search"))!["alpha"]!);

        // The same id with other content replaces it: the posteriors follow the new content exactly.
        (status, body, _) = await _api.PostAsync("traces", Json(trace with { Arms = [Search with { Referenced = false }, Soul] }));
        Assert.Equal("changed", (string)body!["status"]!);
        await AssertServedEqualsReplay();
        using var store = _api.Learning.Open("main");
        Assert.Equal(1, store.TracesInTimeOrder("main").Count(t => t.TraceId == "tr_api_1"));
    }

    [Fact]
    public async Task Late_traces_are_exact_also_before_a_reset_without_a_replay()
    {
        await _api.PostAsync("traces", Json(NewTrace("tr_new", DateTimeOffset.Parse("2026-02-28T10:00:00Z").ToUnixTimeMilliseconds(), Search)));
        await _api.PostAsync("traces", Json(NewTrace("tr_old", DateTimeOffset.Parse("2026-01-02T10:00:00Z").ToUnixTimeMilliseconds(), Search, Soul)));
        await AssertServedEqualsReplay();
        // Convergence history is rebuilt after a late trace, so it still ends at the current means.
        var convergence = (await _api.GetAsync("timeseries?metric=convergence&window=1d")).Body!["buckets"]!.AsArray();
        var last = convergence.Last(p => (string)p!["armId"]! == "tool:web:web_search")!;
        Assert.Equal((double)(await Posterior("tool:web:web_search"))!["mean"]!, (double)last["value"]!);

        Assert.Equal(200, (await _api.PostAsync("reset", "{\"arm_ids\":[\"tool:web:web_search\"]}")).Status);
        var rebuildsBefore = _api.Agents.Get(null)!.Rebuilds;
        await _api.PostAsync("traces", Json(NewTrace("tr_before_reset", DateTimeOffset.Parse("2026-01-03T10:00:00Z").ToUnixTimeMilliseconds(), Search)));
        Assert.Equal(rebuildsBefore, _api.Agents.Get(null)!.Rebuilds);
        Assert.Equal(0, (long)(await Posterior("tool:web:web_search"))!["pulls"]!);
        await AssertServedEqualsReplay();
    }

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    [Fact]
    public async Task A_trace_newer_than_the_last_trace_but_older_than_a_reset_is_wiped_by_it()
    {
        await _api.PostAsync("traces", Json(NewTrace("tr_1000", At("2026-03-01T10:00:00Z"), Search)));
        _api.Clock.Now = DateTimeOffset.Parse("2026-03-01T10:05:00Z");
        Assert.Equal(200, (await _api.PostAsync("reset", "{}")).Status);
        // Started before the reset, finished after: stamped before it. A replay puts it before the reset.
        await _api.PostAsync("traces", Json(NewTrace("tr_1004", At("2026-03-01T10:04:00Z"), Search)));
        await AssertServedEqualsReplay();
        Assert.Equal(0, (long)(await Posterior("tool:web:web_search"))!["pulls"]!);
        // One at the reset's very millisecond comes before it too.
        await _api.PostAsync("traces", Json(NewTrace("tr_1005", At("2026-03-01T10:05:00Z"), Search)));
        await AssertServedEqualsReplay();
        Assert.Equal(0, (long)(await Posterior("tool:web:web_search"))!["pulls"]!);
    }

    [Fact]
    public async Task Events_never_land_before_traces_already_applied_when_the_clock_lags()
    {
        // The gateway's clock runs ahead of the server's: its trace is later than the server's "now".
        _api.Clock.Now = DateTimeOffset.Parse("2026-03-01T10:00:00Z");
        await _api.PostAsync("traces", Json(NewTrace("tr_ahead", At("2026-03-01T10:00:02Z"), Search)));
        await _api.PostAsync("reward", "{\"arm_id\":\"tool:web:web_search\",\"outcome\":\"rejected\"}");
        await _api.PostAsync("reset", "{\"arm_ids\":[\"tool:web:web_search\"]}");
        await _api.PostAsync("traces", Json(NewTrace("tr_after", At("2026-03-01T10:00:03Z"), Search)));
        await AssertServedEqualsReplay();
        Assert.Equal(1, (long)(await Posterior("tool:web:web_search"))!["pulls"]!);
        using var store = _api.Learning.Open("main");
        Assert.All(store.Events("main"), e => Assert.Equal(At("2026-03-01T10:00:02Z"), e.TimestampMs));
    }

    [Fact]
    public async Task A_late_trace_gives_a_zero_pull_arm_the_replays_last_updated()
    {
        var unseen = new ArmOutcome("skill:late-arm:main", false, false, 100);
        await _api.PostAsync("traces", Json(NewTrace("tr_2000", At("2026-03-01T10:20:00Z"), Search, unseen)));
        await _api.PostAsync("traces", Json(NewTrace("tr_1000", At("2026-03-01T10:10:00Z"), Search, unseen with { Included = true })));
        await AssertServedEqualsReplay();
        Assert.Equal(At("2026-03-01T10:10:00Z"), (long)(await Posterior("skill:late-arm:main"))!["lastUpdated"]!);
    }

    [Fact]
    public async Task Late_traces_patch_the_convergence_history_without_a_replay()
    {
        var rebuilds = _api.Agents.Get(null)!.Rebuilds;
        foreach (var (id, iso, referenced) in new[] { ("tr_a", "2026-03-01T12:00:00Z", true), ("tr_b", "2026-02-25T08:30:00Z", false), ("tr_c", "2026-02-25T08:10:00Z", true), ("tr_d", "2026-01-03T00:00:00Z", false) })
            await _api.PostAsync("traces", Json(NewTrace(id, At(iso), Search with { Referenced = referenced }, Soul, new ArmOutcome("tool:exec:exec", true, true, 10))));
        Assert.Equal(rebuilds, _api.Agents.Get(null)!.Rebuilds);
        foreach (var window in new[] { "1h", "1d" })
        {
            var served = (await _api.GetAsync($"timeseries?metric=convergence&window={window}&arms=1000")).Body!.ToJsonString();
            using var store = _api.Learning.Open("main");
            using var fresh = new ClawLearn.Serving.LiveLearning(_api.Learning.Open("main"), "main", Config);
            var replayed = System.Text.Json.JsonSerializer.Serialize(fresh.ConvergenceTimeseries(window == "1h" ? 3_600_000 : 86_400_000, 1000),
                ClawLearn.Cli.Api.ApiJsonContext.Api.IReadOnlyListTimeseriesPoint);
            Assert.Equal(JsonNode.Parse(replayed)!.ToJsonString(), JsonNode.Parse(served)!["buckets"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task A_trace_id_of_another_agent_in_a_shared_store_is_a_conflict()
    {
        using (var store = _api.Learning.Open("main"))
            store.UpsertRecordedTrace("research", NewTrace("tr_shared", At("2026-03-01T10:00:00Z"), Search));
        var (status, body, _) = await _api.PostAsync("traces", Json(NewTrace("tr_shared", At("2026-03-01T10:00:00Z"), Search)));
        Assert.Equal(409, status);
        Assert.Contains("another agent", (string)body!["error"]!);
    }

    [Fact]
    public async Task A_recorded_trace_survives_a_re_ingest()
    {
        await _api.PostAsync("traces", Json(NewTrace("tr_live", DateTimeOffset.Parse("2026-03-01T10:00:00Z").ToUnixTimeMilliseconds(), Search)));
        _api.Learning.Ingest(new ClawLearn.Ingest.IngestOptions { Learning = Config, Full = true });
        using var store = _api.Learning.Open("main");
        Assert.Contains(store.TracesInTimeOrder("main"), t => t.TraceId == "tr_live");
        // The running server sees the ingest (another connection's commit) and still serves the recorded trace.
        var ids = (await _api.GetAsync("traces?limit=1000")).Body!["traces"]!.AsArray().Select(t => (string)t!["traceId"]!);
        Assert.Contains("tr_live", ids);
        await AssertServedEqualsReplay();
    }

    [Theory]
    [InlineData("{\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[]}", "traceId")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":0,\"arms\":[]}", "timestamp")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000}", "arms")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[{\"armId\":\"bogus\",\"included\":true,\"referenced\":true,\"tokenCost\":1}]}", "bogus")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[{\"armId\":\"tool:web:x\",\"included\":true,\"referenced\":true,\"tokenCost\":-1}]}", "tokenCost")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[null]}", "not a trace")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[{\"included\":true,\"referenced\":true,\"tokenCost\":1}]}", "armId")]
    [InlineData("{\"traceId\":5}", "not a trace")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000,\"arms\":[]}", "from 2000-01-01")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":9000000000000000,\"arms\":[]}", "a day from now")]
    [InlineData("{\"traceId\": ", "invalid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"traceId\":\"t\\ud800\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[]}", "surrogate")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[],\"usage\":{\"input\":0,\"output\":0,\"cacheRead\":0,\"cacheWrite\":0,\"total\":9223372036854775807}}", "must not exceed 1000000000000 tokens")]
    [InlineData("{\"traceId\":\"t\",\"runId\":\"r\",\"sessionId\":\"s\",\"timestamp\":1772000000000,\"arms\":[],\"durationMs\":1000000000001}", "durationMs must not exceed")]
    public async Task Bad_traces_are_400_and_change_nothing(string body, string mentioned)
    {
        var before = (await _api.GetAsync("summary")).Body!.ToJsonString();
        var (status, error, _) = await _api.PostAsync("traces", body);
        Assert.Equal(400, status);
        Assert.Contains(mentioned, (string)error!["error"]!);
        Assert.Equal(before, (await _api.GetAsync("summary")).Body!.ToJsonString());
    }

    [Theory]
    [InlineData("reward", "{\"arm_id\":\"\xff\"}", 11)]
    [InlineData("reward", "{\"\xff\":1}", 2)]
    [InlineData("reward", "{\"arm_id\":\"exec\",\"reason\":\"\xc0\xaf\"}", 27)]
    [InlineData("reset", "{\"arm_ids\":[\"\xed\xa0\x80\"]}", 13)]
    [InlineData("traces", "{\"traceId\":\"t\xe2\x82\"}", 13)]
    [InlineData("select", "{\"arms\":[],\"x\":\"\x80\"}", 16)]
    public async Task A_body_that_is_not_UTF_8_is_400_naming_the_byte(string route, string latin1, int at)
    {
        // Each char of the test text is one byte of the body, so bytes that are not UTF-8 can be written.
        var (status, error, _) = await _api.PostAsync(route, System.Text.Encoding.Latin1.GetBytes(latin1));
        Assert.Equal(400, status);
        Assert.Equal($"the request body is not UTF-8: invalid bytes at byte {at}", (string)error!["error"]!);
        using var store = _api.Learning.Open("main");
        Assert.Empty(store.Events("main"));
    }

    [Fact]
    public async Task A_trace_without_context_gets_one_from_its_fields()
    {
        var node = JsonNode.Parse(Json(NewTrace("tr_ctx", 1_772_000_000_000, Search)))!.AsObject();
        node.Remove("context");
        Assert.Equal(201, (await _api.PostAsync("traces", node.ToJsonString())).Status);
        using var store = _api.Learning.Open("main");
        Assert.Equal("api", store.TracesNewestFirst("main").Single(t => t.TraceId == "tr_ctx").Context.Channel);
    }

    [Fact]
    public async Task Reward_applies_at_the_server_clock_by_id_or_label()
    {
        var before = (await Posterior("tool:exec:exec"))!;
        var (status, body, _) = await _api.PostAsync("reward", "{\"arm_id\":\"exec\",\"outcome\":\"accepted\",\"reason\":\"helped\"}");
        Assert.Equal(200, status);
        Assert.True((bool)body!["ok"]!);
        Assert.Equal("tool:exec:exec", (string)body["armId"]!);
        Assert.Equal((double)before["alpha"]! + 1, (double)body["alpha"]!);
        (status, body, _) = await _api.PostAsync("reward", "{\"armId\":\"tool:exec:exec\",\"reward\":0}");
        Assert.Equal((double)before["beta"]! + 1, (double)body!["beta"]!);
        using var store = _api.Learning.Open("main");
        var events = store.Events("main");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(_api.Clock.Now.ToUnixTimeMilliseconds(), e.TimestampMs));
        Assert.Equal("helped", events[0].Reason);
        await AssertServedEqualsReplay();
    }

    [Theory]
    [InlineData("{}", 400)]
    [InlineData("{\"arm_id\":5}", 400)]
    [InlineData("{\"arm_id\":\"exec\",\"outcome\":\"maybe\"}", 400)]
    [InlineData("{\"arm_id\":\"exec\",\"reward\":1.5}", 400)]
    [InlineData("{\"arm_id\":\"no-such-arm\"}", 404)]
    [InlineData("{\"arm_id\":\"tool:\\ud800\",\"outcome\":\"accepted\"}", 400)]
    [InlineData("{\"arm_id\":\"exec\",\"reason\":\"cut \\udc00\"}", 400)]
    public async Task Bad_rewards_are_rejected(string body, int expected)
    {
        var (status, error, _) = await _api.PostAsync("reward", body);
        Assert.Equal(expected, status);
        Assert.NotNull((string?)error!["error"]);
        using var store = _api.Learning.Open("main");
        Assert.Empty(store.Events("main"));
    }

    [Fact]
    public async Task Reset_of_some_arms_then_all()
    {
        var (status, body, _) = await _api.PostAsync("reset", "{\"arm_ids\":[\"exec\"]}");
        Assert.Equal(200, status);
        Assert.Equal(1, (int)body!["resetCount"]!);
        Assert.Equal(0, (long)(await Posterior("tool:exec:exec"))!["pulls"]!);
        (status, body, _) = await _api.PostAsync("reset", "{}");
        var arms = (await _api.GetAsync("posteriors")).Body!.AsArray();
        Assert.Equal(arms.Count, (int)body!["resetCount"]!);
        Assert.All(arms, a => Assert.Equal(0, (long)a!["pulls"]!));
        await AssertServedEqualsReplay();
    }

    [Theory]
    [InlineData("{\"arm_ids\":\"exec\"}", 400)]
    [InlineData("{\"arm_ids\":[]}", 400)]
    [InlineData("{\"arm_ids\":[1]}", 400)]
    [InlineData("{\"arm_ids\":[\"nope-nope\"]}", 404)]
    [InlineData("", 400)]
    [InlineData("not json", 400)]
    [InlineData("{\"arm_id\":\"exec\"}", 400)]
    [InlineData("{\"arms\":[\"exec\"]}", 400)]
    [InlineData("{\"arm_ids\":[\"x\\udc00\"]}", 400)]
    public async Task A_malformed_reset_resets_nothing(string body, int expected)
    {
        // The reference reset everything on a malformed body (learning-layer 4.3); here it is an error.
        Assert.Equal(expected, (await _api.PostAsync("reset", body)).Status);
        using var store = _api.Learning.Open("main");
        Assert.Empty(store.Events("main"));
    }

    [Fact]
    public async Task A_reset_naming_too_many_labels_or_an_ambiguous_one_says_so_and_resets_nothing()
    {
        var many = "{\"arm_ids\":[" + string.Join(",", Enumerable.Repeat("\"exec\"", LearningApi.MaxResetLabels + 1)) + "]}";
        var (status, error, _) = await _api.PostAsync("reset", many);
        Assert.Equal(400, status);
        Assert.Contains($"more than {LearningApi.MaxResetLabels} arms", (string)error!["error"]!);
        (status, error, _) = await _api.PostAsync("reset", "{\"arm_ids\":[\"md\"]}");
        Assert.Equal(404, status);
        Assert.Contains("'md' matches several arms of agent 'main' (", (string)error!["error"]!);
        using var store = _api.Learning.Open("main");
        Assert.Empty(store.Events("main"));
    }

    [Fact]
    public async Task Select_with_a_seed_equals_the_selector_and_lists_guidance()
    {
        var request = "{\"arms\":[{\"armId\":\"tool:exec:exec\",\"tokenCost\":300},{\"armId\":\"tool:web:web_fetch\",\"tokenCost\":400},{\"armId\":\"file:workspace:SOUL.md\",\"tokenCost\":600}],\"budget\":700,\"seed\":7,\"propensities\":false}";
        var (status, body, _) = await _api.PostAsync("select", request);
        Assert.Equal(200, status);
        using var store = _api.Learning.Open("main");
        var posteriors = PosteriorCalculator.Compute(store.TracesInTimeOrder("main"), store.Events("main"), Config).ToDictionary(p => p.ArmId);
        SelectionArm[] arms = [new("tool:exec:exec", 300), new("tool:web:web_fetch", 400), new("file:workspace:SOUL.md", 600)];
        var expected = ThompsonSelector.Select(arms, posteriors, SelectionOptions.From(Config with { TokenBudget = 700 }) with { PropensityRounds = 0 }, new Random(7));
        Assert.Equal(expected.Arms.Select(a => (a.ArmId, a.Included)), body!["arms"]!.AsArray().Select(a => ((string)a!["armId"]!, (bool)a["included"]!)));
        Assert.Equal(700, (int)body["tokenBudget"]!);
        Assert.Equal(expected.UsedTokens, (int)body["usedTokens"]!);
        Assert.Equal(7, (int)body["seed"]!);
        Assert.Equal(ExcludedToolsGuidance.For(expected.Excluded.Select(a => a.ArmId)), (string?)body["excludedToolsGuidance"]);
    }

    [Fact]
    public async Task Select_without_arms_uses_the_agents_current_inventory()
    {
        var (status, body, _) = await _api.PostAsync("select", "{\"seed\":1}");
        Assert.Equal(200, status);
        var arms = body!["arms"]!.AsArray().Select(a => (string)a!["armId"]!).ToList();
        Assert.Contains("file:workspace:AGENTS.md", arms);
        Assert.Contains(arms, a => a.StartsWith("tool:", StringComparison.Ordinal));
        Assert.All(body["arms"]!.AsArray(), a => Assert.NotNull(a!["propensity"]));
    }

    [Theory]
    [InlineData("{\"budget\":-1}")]
    [InlineData("{\"arms\":[{\"armId\":\"bad\",\"tokenCost\":1}]}")]
    [InlineData("{\"arms\":[{\"armId\":\"tool:web:x\",\"tokenCost\":-1}]}")]
    [InlineData("{\"budgett\":100}")]
    [InlineData("{\"budget\":\"lots\"}")]
    [InlineData("{\"arms\":[{\"armId\":\"tool:a:b\",\"tokenCost\":1},{\"armId\":\"tool:a:b\",\"tokenCost\":1}],\"seed\":1}")]
    public async Task Bad_selection_requests_are_400(string body) =>
        Assert.Equal(400, (await _api.PostAsync("select", body)).Status);

    private async Task<JsonNode?> Posterior(string armId) =>
        (await _api.GetAsync("posteriors")).Body!.AsArray().SingleOrDefault(a => (string)a!["armId"]! == armId);
}
