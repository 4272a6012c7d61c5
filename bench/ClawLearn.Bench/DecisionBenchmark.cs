using System.Diagnostics;
using System.Globalization;
using ClawLearn.Learning;
using ClawLearn.Replay;
using ClawLearn.Selection;

namespace ClawLearn.Bench;

/// <summary>Selection latency over many arms (p50/p99 per call) and replay throughput over many runs.</summary>
internal static class DecisionBenchmark
{
    public static int Run(string[] args)
    {
        var armsCount = int.Parse(StreamingBenchmark.Option(args, "--arms", "1000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(StreamingBenchmark.Option(args, "--runs", "100000"), CultureInfo.InvariantCulture);
        var random = new Random(5);
        var arms = Enumerable.Range(0, armsCount).Select(i => new SelectionArm($"tool:other:t{i}", random.Next(10, 500))).ToArray();
        var posteriors = arms.ToDictionary(a => a.ArmId, a => new Posterior(a.ArmId, 1 + random.Next(0, 200), 1 + random.Next(0, 200), 50, 0));
        var options = new SelectionOptions { TokenBudget = 8000, BaselineRate = 0, MinPulls = 5, PropensityRounds = 0 };

        Console.WriteLine($"# Decisions ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine();
        Console.WriteLine("| measurement | result | target |");
        Console.WriteLine("|---|---:|---:|");
        // A live selection uses an unseeded Random (xoshiro256**); --seed uses .NET's seeded, legacy-compatible one.
        foreach (var (label, rng) in new[] { ("unseeded (live)", new Random()), ("seeded (--seed)", new Random(5)) })
        {
            for (var i = 0; i < 2_000; i++) ThompsonSelector.Select(arms, posteriors, options, rng); // warm-up (tiered JIT)
            var latencies = new double[20_000];
            // Gen0 collections inside the timed loop: each one lands on some call's latency, so more than one per
            // hundred calls puts collections into the p99.
            var collections = GC.CollectionCount(0);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < latencies.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                ThompsonSelector.Select(arms, posteriors, options, rng);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
            collections = GC.CollectionCount(0) - collections;
            allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / latencies.Length;
            Array.Sort(latencies);
            Console.WriteLine($"| select over {armsCount:N0} arms, {label}, p50 | {latencies[latencies.Length / 2]:F1} µs | |");
            Console.WriteLine($"| select over {armsCount:N0} arms, {label}, p99 | {latencies[(int)(latencies.Length * 0.99)]:F1} µs | ≤ 100 µs |");
            Console.WriteLine($"| select over {armsCount:N0} arms, {label}, allocated per call, Gen0 GCs per 1,000 calls | {allocated / 1024.0:F1} KB, {collections * 1000.0 / latencies.Length:F1} | |");
        }

        var traces = Synthetic(runs, 30).ToList();
        foreach (var policies in new[] { new[] { ReplayPolicy.Thompson }, [ReplayPolicy.Thompson, ReplayPolicy.GreedyByMean, ReplayPolicy.Random] })
        {
            var replay = new ReplayOptions { Learning = new LearningConfig { TokenBudget = 1500 }, Policies = policies };
            var watch = Stopwatch.StartNew();
            Replayer.Run("bench", traces, traces.Count, [], replay);
            var rate = runs / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"| simulate {runs:N0} runs × 30 arms, {string.Join(" + ", policies)} | {rate:N0} runs/s | ≥ 50,000 runs/s |");
        }
        return 0;
    }

    private static IEnumerable<RunTrace> Synthetic(int runs, int arms)
    {
        var random = new Random(9);
        for (var r = 0; r < runs; r++)
        {
            var outcomes = new ArmOutcome[arms];
            for (var a = 0; a < arms; a++) outcomes[a] = new ArmOutcome($"tool:other:t{a}", true, random.NextDouble() < (a < 5 ? 0.8 : 0.1), 100);
            yield return new RunTrace($"tr_{r:x8}", "run", "s", null, 1_767_225_600_000L + r * 60_000L, null, null, null, true,
                new TraceContext(null, null, null, null), outcomes, null, null, 0, false, null);
        }
    }
}
