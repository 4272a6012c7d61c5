using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ClawLearn.Config;

namespace ClawLearn;

/// <summary>Throw helpers kept out of hot paths so the callers stay small (the Markdig/Sep habit).</summary>
[StackTraceHidden]
internal static class Throw
{
    [DoesNotReturn]
    public static void ConfigSyntax(string file, string text, int position, string message)
    {
        var (line, column) = TextPosition.LineAndColumn(text, position);
        throw new ConfigException(file, line, column, message);
    }

    [DoesNotReturn]
    public static void Config(string file, string message) => throw new ConfigException(file, 0, 0, message);

    [DoesNotReturn]
    public static void PrivacyViolation(string path, string reason) =>
        throw new PrivacyViolationException(path, reason);
}
