using System.Diagnostics;

namespace ClawLearn.Bench;

/// <summary>Runs this benchmark executable again with other arguments and parses its key=value output.</summary>
internal static class ChildProcess
{
    public static Dictionary<string, string> Run(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        // Running through `dotnet run` makes the process path the dotnet host; then pass the dll.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"child {string.Join(' ', args)} failed with {process.ExitCode}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
    }
}
