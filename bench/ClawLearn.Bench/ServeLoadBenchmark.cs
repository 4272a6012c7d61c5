using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Storage;

namespace ClawLearn.Bench;

/// <summary>
/// Load on the API from a second process over loopback: <c>clawlearn serve</c> runs as a child process on a store
/// of many traces; this process drives GET summary, GET posteriors and POST traces with concurrent clients and
/// reports requests/s and latency percentiles per route, the server's start-up time and its peak RSS.
/// </summary>
internal static class ServeLoadBenchmark
{
    private const string Prefix = "/__openclaw__/api/learning/";

    public static int Run(string[] args)
    {
        var traces = int.Parse(StreamingBenchmark.Option(args, "--traces", "1000000"), CultureInfo.InvariantCulture);
        var clients = int.Parse(StreamingBenchmark.Option(args, "--clients", "16"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(StreamingBenchmark.Option(args, "--seconds", "10"), CultureInfo.InvariantCulture);
        var dir = StreamingBenchmark.Option(args, "--dir", Path.Combine(Path.GetTempPath(), "clawlearn-bench"));
        Directory.CreateDirectory(dir);
        var store = StorePath(dir, traces);
        if (!File.Exists(store)) Generate(store, traces);
        var state = Path.Combine(dir, "serve-state");
        Directory.CreateDirectory(Path.Combine(state, "agents", "main", "sessions"));
        File.WriteAllText(Path.Combine(state, "openclaw.json"), "{}");
        var server = ClawLearnBuild.Release();

        Console.WriteLine($"# API load ({Environment.ProcessorCount} cores, .NET {Environment.Version}); {traces:N0} traces of 12 arms, {clients} clients, {seconds:F0} s per route");
        Console.WriteLine();
        var copy = Path.Combine(dir, "serve-run.sqlite");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(copy + suffix);
        File.Copy(store, copy); // POST traces writes to it; the generated store stays clean for the next run
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { server, "serve", "--state-dir", state, "--db", copy, "--port", port.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        using var stopServer = new KillOnExit(process); // a failed measurement must not leave the server running
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginErrorReadLine();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("Dashboard:", StringComparison.Ordinal)) { }
        if (line is null) throw new InvalidOperationException("the server stopped before listening");
        var startup = watch.Elapsed;
        _ = process.StandardOutput.ReadToEndAsync();
        var rssAfterStart = RssMb(process.Id, "VmRSS:");

        Console.WriteLine("| route | requests/s | p50 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        long nextTrace = 0;
        // After every generated trace, as a live gateway posts runs as they finish: from now on, 100 ms apart.
        var baseTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var routes = new (string Name, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("GET summary", () => http.GetAsync(Prefix + "summary")),
            ("GET posteriors", () => http.GetAsync(Prefix + "posteriors")),
            ("POST traces", () =>
            {
                var n = Interlocked.Increment(ref nextTrace);
                var json = JsonSerializer.Serialize(Trace(n, baseTime + n * 100, new Random((int)n)) with { TraceId = $"tr_live_{n}" }, LearningJsonContext.Default.RunTrace);
                var content = new StringContent(json, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return http.PostAsync(Prefix + "traces", content);
            }),
        };
        foreach (var (name, send) in routes)
        {
            Drive(send, clients, TimeSpan.FromSeconds(2)); // warm-up
            var (rate, latencies) = Drive(send, clients, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"| {name} | {rate:N0} | {Percentile(latencies, 0.5):F2} ms | {Percentile(latencies, 0.99):F2} ms | {latencies[^1]:F2} ms |");
        }
        var peak = RssMb(process.Id, "VmHWM:");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Console.WriteLine();
        Console.WriteLine($"server start-up (load {traces:N0} traces into memory): {startup.TotalSeconds:F1} s; RSS after start {rssAfterStart:F0} MB; peak RSS {peak:F0} MB");
        Console.WriteLine("target: GET summary p99 ≤ 10 ms");
        return 0;
    }

    private sealed class KillOnExit(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (process.HasExited) return;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static (double Rate, double[] Latencies) Drive(Func<Task<HttpResponseMessage>> send, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (watch.Elapsed < duration)
            {
                var begin = Stopwatch.GetTimestamp();
                using var response = await send();
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"status {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(workers);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return (all.Length / watch.Elapsed.TotalSeconds, all);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    /// <summary>
    /// The generated store, made once and reused (the export benchmark reads it too). v2: its history ends in the past
    /// (live traces are posted at the present time, which the API requires to be at most a day ahead).
    /// </summary>
    internal static string StorePath(string dir, int traces) => Path.Combine(dir, $"serve-v2-{traces}.sqlite");

    // 2023-11-14: a million runs a minute apart end in 2025-10, before any live trace.
    private const long GeneratedStart = 1_700_000_000_000L;

    /// <summary>A store of synthetic traces: a run a minute, 12 of 300 arms each, a few referenced.</summary>
    internal static void Generate(string path, int count)
    {
        Console.Error.WriteLine($"generating {count:N0} traces into {path} (once; reused by later runs)…");
        var watch = Stopwatch.StartNew();
        var partial = path + ".partial";
        File.Delete(partial);
        using (var store = SqliteLearningStore.Open(partial))
        {
            var random = new Random(11);
            store.SyncTraces("main", Enumerable.Range(0, count).Select(i => Trace(i, GeneratedStart + i * 60_000L, random)));
        }
        File.Move(partial, path);
        Console.Error.WriteLine($"generated in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static RunTrace Trace(long n, long timestamp, Random random)
    {
        var arms = new ArmOutcome[12];
        for (var a = 0; a < arms.Length; a++)
        {
            var arm = random.Next(300);
            var id = arm < 200 ? $"tool:other:t{arm}" : arm < 260 ? $"memory:section{arm}:main" : $"file:workspace:F{arm}.md";
            arms[a] = new ArmOutcome(id, true, random.NextDouble() < (arm % 10 == 0 ? 0.7 : 0.1), 50 + arm);
        }
        arms[0] = arms[0] with { ArmId = "tool:other:t0", Referenced = true };
        return new RunTrace($"tr_{n:x10}", $"run_{n:x10}", $"s{n / 20}", "agent:main:main", timestamp, "anthropic", "claude-sonnet-4-5", "webchat", n % 10 == 0,
            new TraceContext("agent:main:main", "webchat", "anthropic", "claude-sonnet-4-5"), arms,
            new TraceUsage(3000 + n % 1000, 400, 0, 0, 3400 + n % 1000), 5000 + n % 3000, 20_000, false, null);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double RssMb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        return double.NaN;
    }
}
