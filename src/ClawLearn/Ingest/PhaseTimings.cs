using System.Diagnostics;

namespace ClawLearn.Ingest;

/// <summary>
/// With <c>CLAWLEARN_TIMINGS=1</c> in the environment, ingest writes how long each phase took to stderr (wall
/// time, CPU time of the whole process and garbage collections in the phase), so a slow ingest can be taken apart
/// without a profiler. Off, it costs one environment lookup.
/// </summary>
internal sealed class PhaseTimings
{
    private readonly Stopwatch? _watch;
    private TimeSpan _wall, _cpu;
    private int _collections;

    private PhaseTimings(bool on)
    {
        if (!on) return;
        _watch = Stopwatch.StartNew();
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _collections = GC.CollectionCount(0);
    }

    public static PhaseTimings FromEnvironment() => new(Environment.GetEnvironmentVariable("CLAWLEARN_TIMINGS") == "1");

    /// <summary>Ends the phase that ran since the last mark (or since this was made) and names it.</summary>
    public void Mark(string phase)
    {
        if (_watch is null) return;
        var (wall, cpu, collections) = (_watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime, GC.CollectionCount(0));
        Console.Error.WriteLine(FormattableString.Invariant(
            $"timing {phase,-24} {(wall - _wall).TotalSeconds,7:F3} s wall {(cpu - _cpu).TotalSeconds,7:F3} s cpu {collections - _collections,4} gc  (at {wall.TotalSeconds:F3} s)"));
        (_wall, _cpu, _collections) = (wall, cpu, collections);
    }
}
