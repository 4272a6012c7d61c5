using ClawLearn.Cli;
using Spectre.Console;

namespace ClawLearn.Tests.Support;

/// <summary>Runs the real CLI in-process against a fake console of fixed width and no colour.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string home, params string[] args) => Run(home, _ => null, args);

    public static Result Run(string home, Func<string, string?> env, params string[] args) => Run(home, env, null, default, args);

    /// <summary>Runs a long-running command (<c>serve</c>) until <paramref name="stopping"/> fires; output goes to <paramref name="output"/> as it comes.</summary>
    public static Result Run(string home, Func<string, string?> env, TextWriter? output, CancellationToken stopping, params string[] args)
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
        var code = CliApp.Run(args, new CliEnvironment(console, error, env, home, ErrorIsTerminal: false) { Stopping = stopping });
        return new Result(code, output.ToString() ?? "", error.ToString());
    }
}
