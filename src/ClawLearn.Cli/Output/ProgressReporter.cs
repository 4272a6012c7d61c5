using Spectre.Console;

namespace ClawLearn.Cli.Output;

/// <summary>
/// Progress for long work, on the error stream so it never mixes with a report: a live bar when that stream
/// is a terminal, otherwise a plain line at every tenth of the way (only when there is much to do).
/// </summary>
internal static class ProgressReporter
{
    private const int PlainLinesThreshold = 200;

    public static T Run<T>(CliEnvironment env, string title, Func<Action<int, int, string>, T> work)
    {
        if (!env.ErrorIsTerminal) return work(PlainLines(env.Error, title));

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(title, autoStart: true, maxValue: 1);
                result = work((done, total, _) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                });
            });
        return result;
    }

    private static Action<int, int, string> PlainLines(TextWriter error, string title)
    {
        var lastTenth = 0;
        return (done, total, _) =>
        {
            if (total < PlainLinesThreshold) return;
            var tenth = done * 10 / total;
            if (tenth <= lastTenth) return;
            lastTenth = tenth;
            error.WriteLine($"{title}: {done}/{total}");
        };
    }
}
