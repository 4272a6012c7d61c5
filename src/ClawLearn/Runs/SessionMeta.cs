using ClawLearn.Sessions;

namespace ClawLearn.Runs;

/// <summary>Session-level facts a trace takes (trace-contract 3): key, channel, sub-agent flag, fallbacks, report.</summary>
public sealed record SessionMeta(
    string SessionId,
    string? SessionKey,
    string? Channel,
    bool IsSubagent,
    string? FallbackProvider,
    string? FallbackModel,
    PromptReport? Report)
{
    public static SessionMeta From(SessionInfo info) => new(info.SessionId, info.SessionKey, info.Channel, info.IsSubagent,
        info.FallbackProvider, info.FallbackModel, info.IndexEntry?.Report);
}
