using System.Diagnostics;

namespace ClawLearn.Ingest;

/// <summary>
/// With <c>CLAWLEARN_TIMINGS=1</c> in the environment, ingest writes how long each phase took to stderr (wall
/// time, CPU time of the whole process, and the phase's garbage collections (all, and how many of them reached
/// generations 1 and 2), their pauses, the methods the JIT compiled (and the time it took, summed over threads) and the bytes it
/// allocated; the process's peak RSS so far and the GC heap's size after the last collection), so a slow ingest can be taken apart without a profiler. Off, it costs one environment lookup.
/// </summary>
internal sealed class PhaseTimings
{
    private readonly Stopwatch? _watch;
    private TimeSpan _wall, _cpu, _paused, _jit;
    private long _jitted;
    private int _collections, _gen1, _gen2;
    private long _allocated;

    private PhaseTimings(bool on)
    {
        if (!on) return;
        _watch = Stopwatch.StartNew();
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        (_collections, _gen1, _gen2, _paused, _allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        (_jit, _jitted) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
    }

    public static PhaseTimings FromEnvironment() => new(Environment.GetEnvironmentVariable("CLAWLEARN_TIMINGS") == "1");

    /// <summary>Ends the phase that ran since the last mark (or since this was made) and names it.</summary>
    public void Mark(string phase)
    {
        if (_watch is null) return;
        using var process = Process.GetCurrentProcess();
        var (wall, cpu) = (_watch.Elapsed, process.TotalProcessorTime);
        var (collections, gen1, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var (jit, jitted) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
        Console.Error.WriteLine(FormattableString.Invariant(
            $"timing {phase,-22} {(wall - _wall).TotalSeconds,6:F3} s wall {(cpu - _cpu).TotalSeconds,6:F3} s cpu {collections - _collections,3} gc ({gen1 - _gen1} gen1, {gen2 - _gen2} gen2) {(paused - _paused).TotalSeconds,6:F3} s paused {(allocated - _allocated) / 1048576.0,6:F0} MB allocated, {jitted - _jitted,5} methods compiled in {(jit - _jit).TotalSeconds:F3} s, peak RSS {process.PeakWorkingSet64 / 1048576.0:F0} MB, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MB  (at {wall.TotalSeconds:F3} s)"));
        (_wall, _cpu, _collections, _gen1, _gen2, _paused, _allocated, _jit, _jitted) = (wall, cpu, collections, gen1, gen2, paused, allocated, jit, jitted);
    }
}
