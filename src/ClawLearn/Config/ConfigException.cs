namespace ClawLearn.Config;

/// <summary>
/// A problem with an OpenClaw config file: a JSON5 syntax error (with line and column), a bad
/// <c>$include</c>, or an include cycle. The message always starts with the file it concerns.
/// </summary>
public sealed class ConfigException(string file, int line, int column, string detail)
    : Exception(line > 0 ? $"{file}:{line}:{column}: {detail}" : $"{file}: {detail}")
{
    public string File { get; } = file;
    /// <summary>1-based line, or 0 when the problem is not tied to a position.</summary>
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Detail { get; } = detail;
}
