namespace ClawLearn.Transcripts;

/// <summary>How transcript lines are framed and bounded.</summary>
public readonly record struct LineReaderOptions
{
    public LineReaderOptions() { }

    /// <summary>Lines longer than this are skipped (and counted) without being held in memory. Default 16 MiB.</summary>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Initial read buffer; it grows up to <see cref="MaxLineBytes"/> for long lines. Default 512 KiB: one
    /// system call per half megabyte (a tool result is often 64 KiB or more on its own), still a pooled buffer.</summary>
    public int BufferBytes { get; init; } = 512 * 1024;

    /// <summary>Tool-result text kept per turn; the rest is cut (results are the lowest-value text). Default 4096.</summary>
    public int MaxToolResultChars { get; init; } = 4096;

    /// <summary>
    /// Only what run facts are built from: user and tool-result turns keep their role, time and every other field
    /// but get an empty text, which is then never decoded (runs take assistant text and tool-call arguments only).
    /// Ingest reads this way; everything else gets the full text.
    /// </summary>
    internal bool RunFactsOnly { get; init; }
}
