namespace ClawLearn.Transcripts;

/// <summary>The property names the line parser reads, at any level it looks at; every other property is skipped.</summary>
internal enum LineField
{
    None = -1,
    Type,
    Role,
    Id,
    Timestamp,
    Version,
    ParentSession,
    Cwd,
    Provider,
    ModelId,
    Model,
    Name,
    Summary,
    Message,
    Content,
    StopReason,
    ErrorMessage,
    Usage,
    Input,
    Arguments,
    IsError,
    ToolName,
    Output,
    CacheRead,
    CacheWrite,
    TotalTokens,
    Text,
    Count,
}
