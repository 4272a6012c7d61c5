namespace ClawLearn.Transcripts;

/// <summary>The kinds of turn a run is made of (trace-contract section 4).</summary>
public enum TurnRole
{
    User,
    Assistant,
    /// <summary>A tool call written as its own line (the seed's simplified format). Real transcripts carry
    /// tool calls inside assistant turns.</summary>
    ToolCall,
    ToolResult,
}
