using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ClawLearn.Bench;

/// <summary>
/// The child-process side for a program other than this one (ccusage, the clawlearn executable):
/// <c>measure-exec STDOUT_FILE [NAME=VALUE …] -- PROGRAM [ARG …]</c> starts it with those environment variables,
/// copies its standard output to STDOUT_FILE, waits, and prints its wall time, CPU time and peak RSS as key=value
/// figures. Its standard error (progress lines, say) is shown only when it fails, so it cannot break up the report.
/// </summary>
internal static class MeasureExec
{
    public static int Run(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        if (args.Length < 1 || separator < 1 || separator == args.Length - 1)
        {
            Console.Error.WriteLine("usage: measure-exec STDOUT_FILE [NAME=VALUE …] -- PROGRAM [ARG …]");
            return 2;
        }
        var start = new ProcessStartInfo(args[separator + 1]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args[(separator + 2)..]) start.ArgumentList.Add(arg);
        // ChildProcess forces workstation GC on this process; the measured program runs with its own settings, as a user's does.
        start.Environment.Remove("DOTNET_gcServer");
        foreach (var assignment in args[1..separator])
        {
            var (name, value) = (assignment[..assignment.IndexOf('=')], assignment[(assignment.IndexOf('=') + 1)..]);
            start.Environment[name] = value;
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using (var output = File.Create(args[0])) process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            Console.Error.Write(errors);
            Console.Error.WriteLine($"{args[separator + 1]} exited with {process.ExitCode}");
            return 1;
        }
        Console.WriteLine($"seconds={watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)}");
        var usage = ChildrenUsage();
        // CPU time next to wall time: on a shared machine the wall time grows with the load, the CPU time much less.
        var cpu = usage.UserSeconds + usage.SystemSeconds + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6;
        Console.WriteLine($"cpuSeconds={cpu.ToString("F3", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"peakRssMb={(usage.MaxRssKb / 1024.0).ToString("F1", CultureInfo.InvariantCulture)}");
        return 0;
    }

    /// <summary>
    /// getrusage(RUSAGE_CHILDREN): CPU time summed over, and the largest peak resident set (ru_maxrss) of, the
    /// children this process has waited for. It starts exactly one, so these are that program's own figures; its
    /// peak could be missed by sampling /proc/PID/status while it runs, and is gone from /proc once it has exited.
    /// </summary>
    private static RUsage ChildrenUsage()
    {
        const int RusageChildren = -1;
        if (GetRusage(RusageChildren, out var usage) != 0) throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        return usage;
    }

    // struct rusage on 64-bit Linux: two struct timevals (user, system CPU time), then 14 longs, ru_maxrss first (in KB).
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRssKb, SharedKb, DataKb, StackKb, MinorFaults, MajorFaults, Swaps, BlockIn, BlockOut, MessagesSent, MessagesReceived,
            Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out RUsage usage);
}
