namespace ClawLearn.Transcripts;

/// <summary>How a framed line ended.</summary>
public enum LineStatus
{
    /// <summary>Terminated by a newline.</summary>
    Complete,
    /// <summary>The last bytes of the file, with no newline after them.</summary>
    Unterminated,
    /// <summary>Longer than the limit; its bytes were discarded.</summary>
    TooLong,
    /// <summary>Longer than the limit and still unterminated at the end of the stream (perhaps still being written).</summary>
    TooLongUnterminated,
}
