using System.Globalization;

namespace ClawLearn.Bench;

/// <summary>
/// Wiki generation on a state directory of two years of daily notes and 5,000 sessions: the first (full) run, a re-run
/// with nothing changed, a re-run after one daily note changed, and a lint of the vault, each in its own process.
/// </summary>
internal static class WikiBenchmark
{
    public static int Run(string[] args)
    {
        var days = int.Parse(StreamingBenchmark.Option(args, "--days", "730"), CultureInfo.InvariantCulture);
        var sessions = int.Parse(StreamingBenchmark.Option(args, "--sessions", "5000"), CultureInfo.InvariantCulture);
        var dir = StreamingBenchmark.Option(args, "--dir", Path.Combine(Path.GetTempPath(), $"clawlearn-wiki-corpus-{days}d-{sessions}s"));
        if (!Directory.Exists(Path.Combine(dir, "agents")))
        {
            Console.Error.WriteLine($"generating {days} daily notes and {sessions} sessions under {dir} …");
            WikiCorpus.Write(dir, days, sessions);
        }
        var mb = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
        var vault = Path.Combine(Path.GetTempPath(), $"clawlearn-wiki-vault-{Guid.NewGuid():N}");
        try
        {
            var cold = ChildProcess.Run("measure-wiki", dir, vault, "2026-02-21T10:00:00Z");
            var warm = ChildProcess.Run("measure-wiki", dir, vault, "2026-02-21T11:00:00Z");
            File.AppendAllText(WikiCorpus.NotePath(dir, WikiCorpus.LastDay), "- One more line about the day, added for the benchmark.\n");
            var one = ChildProcess.Run("measure-wiki", dir, vault, "2026-02-21T12:00:00Z");
            var lint = ChildProcess.Run("measure-wiki-lint", vault);
            Console.WriteLine($"# Wiki of {days:N0} daily notes and {sessions:N0} sessions ({mb:F0} MB; {Environment.ProcessorCount} cores, .NET {Environment.Version})");
            Console.WriteLine();
            Console.WriteLine("| run | time | sessions read | pages created / updated | peak RSS |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Row("first run (full)", cold);
            Row("again, nothing changed", warm);
            Row("again, one daily note changed", one);
            Console.WriteLine($"| `wiki lint` ({int.Parse(lint["pages"], CultureInfo.InvariantCulture):N0} pages, {lint["issues"]} issues) | {S(lint):F2} s | | | {lint["peakRssMb"]} MB |");
            Console.WriteLine();
            Console.WriteLine($"{int.Parse(cold["pages"], CultureInfo.InvariantCulture):N0} pages in the vault.");
            return 0;
        }
        finally
        {
            if (Directory.Exists(vault)) Directory.Delete(vault, recursive: true);
            if (!args.Contains("--keep")) Directory.Delete(dir, recursive: true);
        }
    }

    private static double S(Dictionary<string, string> r) => double.Parse(r["seconds"], CultureInfo.InvariantCulture);

    private static void Row(string name, Dictionary<string, string> r) =>
        Console.WriteLine($"| {name} | {S(r):F2} s | {int.Parse(r["read"], CultureInfo.InvariantCulture):N0} | {r["created"]} / {r["updated"]} | {r["peakRssMb"]} MB |");
}
