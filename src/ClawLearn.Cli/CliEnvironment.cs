using Spectre.Console;

namespace ClawLearn.Cli;

/// <summary>
/// Everything a command touches outside its arguments: output, error stream, environment variables and the
/// home directory. Tests pass a fake one; the program passes the real process's.
/// </summary>
internal sealed record CliEnvironment(IAnsiConsole Out, TextWriter Error, Func<string, string?> Env, string Home, bool ErrorIsTerminal)
{
    public static CliEnvironment FromProcess() => new(
        CreateOutputConsole(),
        Console.Error,
        Environment.GetEnvironmentVariable,
        ClawLearn.StateDir.PathExpansion.HomeDirectory(),
        !Console.IsErrorRedirected);

    // Redirected output (a file, a pipe) and NO_COLOR get plain text: no colour codes in what others parse.
    private static IAnsiConsole CreateOutputConsole()
    {
        var plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });
    }

    /// <summary>Writes text as is (no markup), for JSON and other machine-readable output.</summary>
    public void WriteRaw(string text)
    {
        Out.Profile.Out.Writer.Write(text);
        Out.Profile.Out.Writer.Flush();
    }
}
