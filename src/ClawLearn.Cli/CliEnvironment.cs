using Spectre.Console;

namespace ClawLearn.Cli;

/// <summary>
/// Everything a command touches outside its arguments: output, error stream, environment variables and the
/// home directory. Tests pass a fake one; the program passes the real process's.
/// </summary>
internal sealed record CliEnvironment(IAnsiConsole Out, TextWriter Error, Func<string, string?> Env, string Home, bool ErrorIsTerminal)
{
    public static CliEnvironment FromProcess() => new(
        AnsiConsole.Console,
        Console.Error,
        Environment.GetEnvironmentVariable,
        ClawLearn.StateDir.PathExpansion.HomeDirectory(),
        !Console.IsErrorRedirected);

    /// <summary>Writes text as is (no markup), for JSON and other machine-readable output.</summary>
    public void WriteRaw(string text)
    {
        Out.Profile.Out.Writer.Write(text);
        Out.Profile.Out.Writer.Flush();
    }
}
