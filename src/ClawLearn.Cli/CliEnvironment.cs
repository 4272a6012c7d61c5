using ClawLearn.Cli.Output;
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
        !Console.IsErrorRedirected)
    {
        StandardOutput = Console.OpenStandardOutput,
        InputIsTerminal = !Console.IsInputRedirected,
        ReadLine = Console.ReadLine,
    };

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

    /// <summary>A stream over standard output for large machine-readable output (exports).</summary>
    public Stream OpenStandardOutput()
    {
        Out.Profile.Out.Writer.Flush();
        return StandardOutput?.Invoke() ?? new WriterStream(Out.Profile.Out.Writer);
    }

    /// <summary>Whether standard input is a terminal a person can answer a question on.</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>Reads an answer from standard input.</summary>
    public Func<string?> ReadLine { get; init; } = () => null;

    /// <summary>The clock, for events a person records now.</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>Stops a long-running command (<c>serve</c>); the real program stops on Ctrl+C or SIGTERM instead.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>Set by the real program to the process's stdout; tests leave it null and get the console's writer.</summary>
    public Func<Stream>? StandardOutput { get; init; }

    /// <summary>Writes text as is (no markup), for JSON and other machine-readable output.</summary>
    public void WriteRaw(string text)
    {
        Out.Profile.Out.Writer.Write(text);
        Out.Profile.Out.Writer.Flush();
    }
}
