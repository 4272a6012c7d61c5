using System.Text.Json.Nodes;
using ClawLearn.Learning;
using ClawLearn.Serving;
using ClawLearn.Status;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Api;

/// <summary>The GET routes against an ingested fixture, checked against what the library computes from the same store.</summary>
public sealed class ApiReadTests : IDisposable
{
    private readonly ApiHarness _api = new();

    public void Dispose() => _api.Dispose();

    private LearningConfig Config => _api.Learning.Fixture.Open().Config.Learning;

    [Fact]
    public async Task Summary_has_the_reference_fields_and_matches_status()
    {
        var (status, body, response) = await _api.GetAsync("summary");
        Assert.Equal(200, status);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        using var store = _api.Learning.Open("main");
        var expected = LearningStatus.Compute(store, "main", Config);
        Assert.Equal("main", (string)body!["agentId"]!);
        Assert.Equal(expected.Runs.TraceCount, (long)body["traceCount"]!);
        Assert.Equal(expected.Posteriors.Count, (int)body["armCount"]!);
        Assert.Equal(expected.Runs.TotalTokens, (long)body["totalTokens"]!);
        Assert.Equal(expected.Runs.MinTimestamp, (long)body["minTimestamp"]!);
        Assert.Equal(expected.Runs.MaxTimestamp, (long)body["maxTimestamp"]!);
        var baseline = body["baseline"]!;
        foreach (var key in new[] { "baselineRuns", "selectedRuns", "baselineAvgTokens", "selectedAvgTokens", "tokenSavingsPercent", "baselineAvgDuration", "selectedAvgDuration" })
            Assert.True(baseline.AsObject().ContainsKey(key), key);
        Assert.Equal(expected.Runs.BaselineRuns, (long)baseline["baselineRuns"]!);
        Assert.Null(baseline["tokenSavingsPercent"]);
        Assert.Equal(expected.HiddenArms, body["hiddenArms"]!.AsArray().Select(n => (string)n!).ToList());
        Assert.Contains("memory:archive:old-vendors", expected.HiddenArms);
    }

    [Fact]
    public async Task Metrics_is_an_alias_of_summary()
    {
        var summary = (await _api.GetAsync("summary")).Body!.ToJsonString();
        Assert.Equal(summary, (await _api.GetAsync("metrics")).Body!.ToJsonString());
    }

    [Fact]
    public async Task Config_reports_the_effective_learning_section()
    {
        var (status, body, _) = await _api.GetAsync("config");
        Assert.Equal(200, status);
        Assert.Equal(Config.Phase, (string)body!["phase"]!);
        Assert.Equal("thompson", (string)body["strategy"]!);
        Assert.Equal(Config.TokenBudget, (int)body["tokenBudget"]!);
        Assert.Equal(Config.BaselineRate, (double)body["baselineRate"]!);
        Assert.Equal(Config.MinPulls, (int)body["minPulls"]!);
        Assert.NotNull(body["seedArmIds"]!.AsArray());
    }

    [Fact]
    public async Task Posteriors_equal_the_calculator_sorted_by_mean_with_badges_and_intervals()
    {
        var (status, body, _) = await _api.GetAsync("posteriors");
        Assert.Equal(200, status);
        using var store = _api.Learning.Open("main");
        var expected = PosteriorCalculator.Compute(store.TracesInTimeOrder("main"), store.Events("main"), Config);
        var arms = body!.AsArray();
        Assert.Equal(expected.Select(p => p.ArmId), arms.Select(a => (string)a!["armId"]!));
        var means = arms.Select(a => (double)a!["mean"]!).ToList();
        Assert.Equal(means.OrderByDescending(m => m), means);
        foreach (var (arm, p) in arms.Zip(expected))
        {
            Assert.Equal(p.Alpha, (double)arm!["alpha"]!);
            Assert.Equal(p.Beta, (double)arm["beta"]!);
            Assert.Equal(p.Pulls, (long)arm["pulls"]!);
            Assert.Equal(p.Pulls < Config.MinPulls, (bool)arm["isUnderexplored"]!);
            Assert.Equal(BetaMath.Confidence(p.Pulls), (string)arm["confidence"]!);
            var (lower, upper) = BetaMath.CredibleInterval(p.Alpha, p.Beta);
            Assert.Equal(lower, (double)arm["credibleInterval"]!["lower"]!);
            Assert.Equal(upper, (double)arm["credibleInterval"]!["upper"]!);
        }
        Assert.True((bool)arms.Single(a => (string)a!["armId"]! == "memory:archive:old-vendors")!["hiddenByTruncation"]!);
    }

    [Fact]
    public async Task Traces_page_newest_first_with_total()
    {
        using var store = _api.Learning.Open("main");
        var all = store.TracesNewestFirst("main").Select(t => t.TraceId).ToList();
        var (status, body, _) = await _api.GetAsync("traces");
        Assert.Equal(200, status);
        Assert.Equal(all.Count, (long)body!["total"]!);
        Assert.Equal(all.Take(100), body["traces"]!.AsArray().Select(t => (string)t!["traceId"]!));
        var page = (await _api.GetAsync("traces?limit=3&offset=2")).Body!;
        Assert.Equal(all.Skip(2).Take(3), page["traces"]!.AsArray().Select(t => (string)t!["traceId"]!));
        Assert.Empty((await _api.GetAsync("traces?limit=0")).Body!["traces"]!.AsArray());
        Assert.Equal(all.Count, (await _api.GetAsync("traces?limit=1000")).Body!["traces"]!.AsArray().Count);
        // Every trace has the export's fields, context with all four keys.
        var first = body["traces"]![0]!.AsObject();
        foreach (var key in new[] { "traceId", "runId", "sessionId", "sessionKey", "timestamp", "provider", "model", "channel", "isBaseline", "context", "arms", "usage", "durationMs", "systemPromptChars", "aborted", "error" })
            Assert.True(first.ContainsKey(key), key);
        Assert.Equal(4, first["context"]!.AsObject().Count);
    }

    [Theory]
    [InlineData("traces?limit=-5")]
    [InlineData("traces?limit=2.5")]
    [InlineData("traces?limit=abc")]
    [InlineData("traces?limit=")]
    [InlineData("traces?limit=1001")]
    [InlineData("traces?offset=-1")]
    [InlineData("traces?limit=1&limit=2")]
    [InlineData("timeseries?metric=cost")]
    [InlineData("timeseries?window=1w")]
    [InlineData("timeseries?arms=-1")]
    [InlineData("arm")]
    [InlineData("arm?id=tool:exec:exec&window=2h")]
    public async Task Bad_query_values_are_400_with_a_json_error(string route)
    {
        var (status, body, _) = await _api.GetAsync(route);
        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty((string?)body!["error"]));
    }

    [Theory]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    public async Task Token_timeseries_buckets_are_integer_windows_with_averages(string window, long windowMs)
    {
        var (status, body, _) = await _api.GetAsync($"timeseries?metric=tokens&window={window}");
        Assert.Equal(200, status);
        var buckets = body!["buckets"]!.AsArray();
        var traces = _api.Learning.Traces("main").Where(t => t.Usage is not null).ToList();
        var expected = traces.GroupBy(t => t.Timestamp / windowMs * windowMs).OrderBy(g => g.Key)
            .Select(g => (T: g.Key, Avg: g.Average(t => (double)t.Usage!.Total), Runs: g.Count())).ToList();
        Assert.Equal(expected.Select(e => e.T), buckets.Select(b => (long)b!["t"]!));
        Assert.Equal(expected.Select(e => e.Avg), buckets.Select(b => (double)b!["value"]!));
        Assert.Equal(expected.Select(e => (long)e.Runs), buckets.Select(b => (long)b!["runs"]!));
    }

    [Fact]
    public async Task Convergence_is_a_history_ending_at_the_current_means()
    {
        var body = (await _api.GetAsync("timeseries?metric=convergence&window=1d")).Body!;
        Assert.Equal("convergence", (string)body["metric"]!);
        var points = body["buckets"]!.AsArray().Select(p => (T: (long)p!["t"]!, Value: (double)p["value"]!, Arm: (string)p["armId"]!)).ToList();
        Assert.All(points, p => Assert.Equal(0, p.T % 86_400_000));
        Assert.Equal(points.OrderBy(p => p.T).ThenBy(p => p.Arm, StringComparer.Ordinal), points);
        var posteriors = (await _api.GetAsync("posteriors")).Body!.AsArray().ToDictionary(p => (string)p!["armId"]!, p => (double)p!["mean"]!);
        foreach (var arm in points.GroupBy(p => p.Arm)) Assert.Equal(posteriors[arm.Key], arm.Last().Value);
        // Not the reference's flat lines: some arm's mean moved over time.
        Assert.Contains(points.GroupBy(p => p.Arm), g => g.Select(p => p.Value).Distinct().Count() > 1);

        // The history is the replay: the mean of an arm at the end of each day it changed.
        var calculator = new PosteriorCalculator(Config);
        var expected = new Dictionary<(string, long), double>();
        foreach (var trace in _api.Learning.Traces("main"))
        {
            calculator.Apply(trace);
            if (!ObservationGuard.Observes(trace)) continue;
            foreach (var arm in trace.Arms.Where(a => a.Included))
                expected[(arm.ArmId, HourlyTokens.Bucket(trace.Timestamp, 86_400_000))] = calculator.Find(arm.ArmId)!.Mean;
        }
        Assert.Equal(expected.OrderBy(e => e.Key.Item2).ThenBy(e => e.Key.Item1, StringComparer.Ordinal).Select(e => (e.Key.Item2, e.Value, e.Key.Item1)),
            points.Select(p => (p.T, p.Value, p.Arm)));
    }

    [Fact]
    public async Task Convergence_can_be_limited_to_the_most_pulled_arms()
    {
        var body = (await _api.GetAsync("timeseries?metric=convergence&window=1d&arms=2")).Body!;
        Assert.Equal(2, body["buckets"]!.AsArray().Select(p => (string)p!["armId"]!).Distinct().Count());
    }

    [Fact]
    public async Task Arm_history_has_posterior_means_and_latest_outcomes()
    {
        var (status, body, _) = await _api.GetAsync("arm?id=tool:exec:exec");
        Assert.Equal(200, status);
        Assert.Equal("tool:exec:exec", (string)body!["posterior"]!["armId"]!);
        Assert.NotEmpty(body["means"]!.AsArray());
        var recent = body["recent"]!.AsArray();
        var expected = _api.Learning.Traces("main").Where(t => t.Arms.Any(a => a.ArmId == "tool:exec:exec")).Select(t => t.TraceId).Reverse().Take(50).ToList();
        Assert.Equal(expected, recent.Select(r => (string)r!["traceId"]!));
        Assert.Equal(404, (await _api.GetAsync("arm?id=tool:nope:nope")).Status);
    }

    [Fact]
    public async Task Other_agents_are_served_on_request_and_unknown_ones_are_404()
    {
        var research = (await _api.GetAsync("summary?agent=research")).Body!;
        Assert.Equal("research", (string)research["agentId"]!);
        Assert.Equal(_api.Learning.Traces("research").Count, (long)research["traceCount"]!);
        var (status, body, _) = await _api.GetAsync("summary?agent=ghost");
        Assert.Equal(404, status);
        Assert.Contains("ghost", (string)body!["error"]!);
        // Not another agent's data for a name that only normalises to one; case aside, an id is taken as it is.
        Assert.Equal(research.ToJsonString(), (await _api.GetAsync("summary?agent=Research")).Body!.ToJsonString());
        foreach (var mistyped in new[] { "!!!", "research%00", "..%2Fresearch", "research%2F", "%2E%2E" })
            Assert.Equal(404, (await _api.GetAsync($"summary?agent={mistyped}")).Status);
        Assert.Equal(400, (await _api.GetAsync("summary?agent=research&agent=main")).Status);
    }

    [Fact]
    public async Task A_write_by_another_process_is_seen_on_the_next_request()
    {
        var before = (long)(await _api.GetAsync("summary")).Body!["traceCount"]!;
        using (var other = _api.Learning.Open("main"))
        {
            var trace = other.TracesNewestFirst("main", 1).Single();
            other.UpsertRecordedTrace("main", trace with { TraceId = "tr_external", Timestamp = trace.Timestamp + 1000 });
        }
        Assert.Equal(before + 1, (long)(await _api.GetAsync("summary")).Body!["traceCount"]!);
        var ids = (await _api.GetAsync("traces?limit=1")).Body!["traces"]!.AsArray().Select(t => (string)t!["traceId"]!);
        Assert.Equal(["tr_external"], ids);
    }

    internal static JsonArray Array(JsonNode? node) => node!.AsArray();
}
