using ClawLearn.Learning;
using ClawLearn.Serving;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Storage;

/// <summary>
/// Many writers on one store at once (separate connections, as separate processes would be): 8 writers × 10,000
/// observations, while a live view (the API server's) keeps reading. Final posteriors are checked exactly against
/// the closed form, and the live view must have followed every other writer's commits.
/// </summary>
public sealed class StoreConcurrencyTests
{
    public static TheoryData<string> Engines() => StoreEngines.All();

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Eight_writers_times_ten_thousand_observations_are_exact(string engine)
    {
        const int writers = 8, perWriter = 10_000, batch = 250;
        using var location = StoreEngines.Create(engine);
        var config = new LearningConfig();
        using var live = new LiveLearning(location.Open(), "fleet", config);
        var start = DateTimeOffset.Parse("2026-03-01T00:00:00Z").ToUnixTimeMilliseconds();
        var done = 0;
        var reader = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < writers)
            {
                live.Summary();
                await Task.Delay(200);
            }
        });
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            using var store = location.Open();
            // Half traces (a run that used tool:web:search and not skill:fleet:main), half manual rewards.
            for (var first = 0; first < perWriter; first += batch)
            {
                store.InTransaction(() =>
                {
                    for (var i = first; i < first + batch; i++)
                    {
                        var n = w * perWriter + i;
                        if (i % 2 == 0)
                        {
                            store.UpsertRecordedTrace("fleet", new RunTrace($"tr_{n:D6}", "run", $"s{w}", null, start + n, null, null, null, false,
                                new TraceContext(null, null, null, null),
                                [new ArmOutcome("tool:web:search", true, true, 10), new ArmOutcome("skill:fleet:main", true, false, 10)],
                                null, null, 0, false, null));
                        }
                        else
                        {
                            store.AddEvent("fleet", new LearningEvent(0, LearningEventKind.Reward, start + n, ["skill:fleet:main"], i % 4 == 1 ? 1 : 0, null));
                        }
                    }
                });
            }
            Interlocked.Increment(ref done);
        })).ToArray();
        await Task.WhenAll(tasks);
        await reader;

        const int traces = writers * perWriter / 2, rewards = writers * perWriter / 2, accepted = rewards / 2;
        using var check = location.Open();
        Assert.Equal(traces, check.CountTraces("fleet"));
        Assert.Equal(rewards, check.Events("fleet").Count);
        var posteriors = PosteriorCalculator.Compute(check.TracesInTimeOrder("fleet"), check.Events("fleet"), config).ToDictionary(p => p.ArmId);
        Assert.Equal((3.0 + traces, 1.0, (long)traces), (posteriors["tool:web:search"].Alpha, posteriors["tool:web:search"].Beta, posteriors["tool:web:search"].Pulls));
        Assert.Equal((3.0 + accepted, 1.0 + traces + (rewards - accepted), (long)(traces + rewards)),
            (posteriors["skill:fleet:main"].Alpha, posteriors["skill:fleet:main"].Beta, posteriors["skill:fleet:main"].Pulls));
        // The live view saw the other connections' commits and now equals the replay.
        var served = live.Posteriors().ToDictionary(p => p.ArmId);
        Assert.Equal(posteriors["skill:fleet:main"].Alpha, served["skill:fleet:main"].Alpha);
        Assert.Equal(posteriors["skill:fleet:main"].Beta, served["skill:fleet:main"].Beta);
        Assert.Equal(traces, live.Summary().TraceCount);
    }
}
