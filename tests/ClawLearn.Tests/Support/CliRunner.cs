using ClawLearn.Cli;
using Spectre.Console;

namespace ClawLearn.Tests.Support;

/// <summary>Runs the real CLI in-process against a fake console of fixed width and no colour.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string home, params string[] args) => Run(home, _ => null, args);

    public static Result Run(string home, Func<string, string?> env, params string[] args) => Run(home, env, null, default, args);

    /// <summary>Runs with a fixed clock, for output that carries the time (the wiki's timestamps).</summary>
    public static Result RunAt(DateTimeOffset? now, string home, Func<string, string?> env, params string[] args) => Run(home, env, null, default, args, now);

    /// <summary>Runs a long-running command (<c>serve</c>) until <paramref name="stopping"/> fires; output goes to <paramref name="output"/> as it comes.</summary>
    public static Result Run(string home, Func<string, string?> env, TextWriter? output, CancellationToken stopping, params string[] args) =>
        Run(home, env, output, stopping, args, null);

    private static Result Run(string home, Func<string, string?> env, TextWriter? output, CancellationToken stopping, string[] args, DateTimeOffset? now)
    {
        output ??= new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var environment = new CliEnvironment(console, error, env, home, ErrorIsTerminal: false) { Stopping = stopping };
        if (now is { } fixedNow) environment = environment with { Now = () => fixedNow };
        var code = CliApp.Run(args, environment);
        return new Result(code, output.ToString() ?? "", error.ToString());
    }
}
