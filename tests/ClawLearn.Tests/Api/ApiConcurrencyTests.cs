using ClawLearn.Learning;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Api;

/// <summary>Many writers at once lose no update: the final posteriors are exactly the closed-form counts.</summary>
public sealed class ApiConcurrencyTests
{
    [Fact]
    public async Task Thousands_of_concurrent_traces_and_rewards_lose_nothing()
    {
        using var api = new ApiHarness();
        api.Clock.Now = DateTimeOffset.Parse("2026-03-10T00:00:00Z");
        const int traces = 2000, accepted = 600, rejected = 400, resets = 10;
        var before = (long)(await api.GetAsync("summary")).Body!["traceCount"]!;
        var start = DateTimeOffset.Parse("2026-03-02T00:00:00Z").ToUnixTimeMilliseconds();
        var random = new Random(42);
        // Timestamps shuffled, so many traces arrive after newer ones (the late path).
        var times = Enumerable.Range(0, traces).Select(i => start + i * 60_000L).OrderBy(_ => random.Next()).ToArray();
        var requests = new List<Func<Task<int>>>();
        for (var i = 0; i < traces; i++)
        {
            // A third arm is included in every other trace (the zero-pull path otherwise) and is reset now and then.
            var trace = ApiWriteTests.NewTrace($"tr_c{i:D5}", times[i],
                new ArmOutcome("tool:web:concurrent_search", true, true, 100),
                new ArmOutcome("skill:concurrent:main", true, false, 250),
                new ArmOutcome("memory:concurrent:main", i % 2 == 0, i % 4 == 0, 50));
            requests.Add(async () => (await api.PostAsync("traces", ApiWriteTests.Json(trace))).Status);
        }
        for (var i = 0; i < accepted; i++) requests.Add(async () => (await api.PostAsync("reward", "{\"arm_id\":\"skill:concurrent:main\",\"outcome\":\"accepted\"}")).Status);
        for (var i = 0; i < rejected; i++) requests.Add(async () => (await api.PostAsync("reward", "{\"arm_id\":\"tool:web:concurrent_search\",\"outcome\":\"rejected\"}")).Status);
        for (var i = 0; i < resets; i++) requests.Add(async () => (await api.PostAsync("reset", "{\"arm_ids\":[\"memory:concurrent:main\"]}")).Status);
        var shuffled = requests.OrderBy(_ => random.Next()).ToList();

        // The first trace must exist before rewards can name its arms; post it, then everything else at once.
        Assert.Equal(201, await shuffled.Single(r => r == requests[0])());
        var statuses = await Task.WhenAll(shuffled.Where(r => r != requests[0]).Select(r => Task.Run(r)));
        Assert.All(statuses, s => Assert.True(s is 200 or 201, $"status {s}"));

        var posteriors = (await api.GetAsync("posteriors")).Body!.AsArray().ToDictionary(p => (string)p!["armId"]!);
        var search = posteriors["tool:web:concurrent_search"]!;
        var skill = posteriors["skill:concurrent:main"]!;
        // Priors Beta(3,1); every trace observes both arms (one referenced, one not); rewards add on top.
        Assert.Equal(3 + traces, (double)search["alpha"]!);
        Assert.Equal(1 + rejected, (double)search["beta"]!);
        Assert.Equal(traces + rejected, (long)search["pulls"]!);
        Assert.Equal(3 + accepted, (double)skill["alpha"]!);
        Assert.Equal(1 + traces, (double)skill["beta"]!);
        Assert.Equal(before + traces, (long)(await api.GetAsync("summary")).Body!["traceCount"]!);

        using var store = api.Learning.Open("main");
        var replay = PosteriorCalculator.Compute(store.TracesInTimeOrder("main"), store.Events("main"), api.Learning.Fixture.Open().Config.Learning);
        var served = (await api.GetAsync("posteriors")).Body!.AsArray();
        Assert.Equal(replay.Select(p => (p.ArmId, p.Alpha, p.Beta, p.Pulls, p.LastUpdated)),
            served.Select(a => ((string)a!["armId"]!, (double)a["alpha"]!, (double)a["beta"]!, (long)a["pulls"]!, (long)a["lastUpdated"]!)));
    }
}
