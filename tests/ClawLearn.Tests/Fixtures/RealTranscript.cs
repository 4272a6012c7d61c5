using System.Text.Json.Nodes;

namespace ClawLearn.Tests.Fixtures;

/// <summary>
/// Writes transcripts in OpenClaw's real (pi SessionManager v3) format: a header, then entries linked by
/// 8-hex <c>id</c>/<c>parentId</c>, entry timestamps as ISO strings and message timestamps as epoch ms.
/// </summary>
public sealed class RealTranscript
{
    private readonly List<string> _lines = [];
    private readonly string _idPrefix;
    private string? _lastId;
    private int _counter;

    public RealTranscript(string idPrefix = "a") => _idPrefix = idPrefix;

    public IReadOnlyList<string> Lines => _lines;

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    public RealTranscript Header(string sessionId, DateTimeOffset t, int? version = 3, string? parentSession = null, string cwd = "/home/alice/.openclaw/workspace")
    {
        var header = new JsonObject { ["type"] = "session" };
        if (version is { } v) header["version"] = v;
        header["id"] = sessionId;
        header["timestamp"] = Iso(t);
        header["cwd"] = cwd;
        if (parentSession is not null) header["parentSession"] = parentSession;
        return Raw(header.ToJsonString());
    }

    public RealTranscript ModelChange(DateTimeOffset t, string provider, string model) =>
        Entry("model_change", t, new JsonObject { ["provider"] = provider, ["modelId"] = model });

    public RealTranscript ThinkingLevel(DateTimeOffset t, string level) =>
        Entry("thinking_level_change", t, new JsonObject { ["thinkingLevel"] = level });

    public RealTranscript User(DateTimeOffset t, string text, bool blocks = true, JsonObject? image = null)
    {
        JsonNode content = blocks ? new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) : JsonValue.Create(text);
        if (image is not null && content is JsonArray array) array.Add(image);
        return Message(t, new JsonObject { ["role"] = "user", ["content"] = content, ["timestamp"] = t.ToUnixTimeMilliseconds() });
    }

    public RealTranscript Assistant(DateTimeOffset t, string? text, IEnumerable<(string Id, string Name, JsonObject Args)>? toolCalls = null,
        ReportedUsage? usage = null, string stopReason = "stop", string provider = "anthropic", string model = "claude-opus-4-5",
        string? errorMessage = null, bool thinking = false, bool withUsage = true)
    {
        var content = new JsonArray();
        if (thinking) content.Add(new JsonObject { ["type"] = "thinking", ["thinking"] = "Let me think about what the user needs.", ["thinkingSignature"] = "sig" });
        if (text is not null) content.Add(new JsonObject { ["type"] = "text", ["text"] = text });
        foreach (var (id, name, args) in toolCalls ?? [])
            content.Add(new JsonObject { ["type"] = "toolCall", ["id"] = id, ["name"] = name, ["arguments"] = args });
        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = content,
            ["api"] = "anthropic-messages",
            ["provider"] = provider,
            ["model"] = model,
            ["stopReason"] = stopReason,
            ["timestamp"] = t.ToUnixTimeMilliseconds(),
        };
        if (withUsage) message["usage"] = (usage ?? new ReportedUsage(1200, 310, 9000, 0)).ToJson();
        if (errorMessage is not null) message["errorMessage"] = errorMessage;
        return Message(t, message);
    }

    public RealTranscript ToolResult(DateTimeOffset t, string toolCallId, string toolName, string text, bool isError = false) =>
        Message(t, new JsonObject
        {
            ["role"] = "toolResult",
            ["toolCallId"] = toolCallId,
            ["toolName"] = toolName,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["isError"] = isError,
            ["timestamp"] = t.ToUnixTimeMilliseconds(),
        });

    /// <summary>A delivery-mirror copy of already-delivered text (dropped by readers).</summary>
    public RealTranscript DeliveryMirror(DateTimeOffset t, string text) => Message(t, new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        ["api"] = "openai-responses",
        ["provider"] = "openclaw",
        ["model"] = "delivery-mirror",
        ["usage"] = new ReportedUsage(0, 0, 0, 0, 0).ToJson(),
        ["stopReason"] = "stop",
        ["timestamp"] = t.ToUnixTimeMilliseconds(),
    });

    /// <summary>A <c>chat.inject</c> line: no parentId, stopReason "injected" (dropped by readers).</summary>
    public RealTranscript Injected(DateTimeOffset t, string text) => Raw(new JsonObject
    {
        ["type"] = "message",
        ["id"] = NextId(),
        ["timestamp"] = Iso(t),
        ["message"] = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "[cron]\n\n" + text }),
            ["timestamp"] = t.ToUnixTimeMilliseconds(),
            ["stopReason"] = "injected",
            ["usage"] = new JsonObject { ["input"] = 0, ["output"] = 0, ["totalTokens"] = 0 },
        },
    }.ToJsonString());

    public RealTranscript Custom(DateTimeOffset t, string customType, JsonObject data) =>
        Entry("custom", t, new JsonObject { ["customType"] = customType, ["data"] = data });

    public RealTranscript Compaction(DateTimeOffset t, string summary, int tokensBefore) =>
        Entry("compaction", t, new JsonObject
        {
            ["summary"] = summary,
            ["firstKeptEntryId"] = _lastId,
            ["tokensBefore"] = tokensBefore,
            ["details"] = new JsonObject { ["readFiles"] = new JsonArray("configuration.yaml"), ["modifiedFiles"] = new JsonArray() },
        });

    public RealTranscript BranchSummary(DateTimeOffset t, string summary) =>
        Entry("branch_summary", t, new JsonObject { ["fromId"] = _lastId, ["summary"] = summary });

    public RealTranscript SessionInfo(DateTimeOffset t, string name) => Entry("session_info", t, new JsonObject { ["name"] = name });

    public RealTranscript Label(DateTimeOffset t, string label) => Entry("label", t, new JsonObject { ["targetId"] = _lastId, ["label"] = label });

    public RealTranscript Raw(string line)
    {
        _lines.Add(line);
        return this;
    }

    public RealTranscript Message(DateTimeOffset t, JsonObject message) => Entry("message", t, new JsonObject { ["message"] = message });

    private RealTranscript Entry(string type, DateTimeOffset t, JsonObject fields)
    {
        var id = NextId();
        var entry = new JsonObject { ["type"] = type, ["id"] = id, ["parentId"] = _lastId, ["timestamp"] = Iso(t) };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            entry[key] = value;
        }
        _lastId = id;
        return Raw(entry.ToJsonString());
    }

    private string NextId() => $"{_idPrefix}{++_counter:x7}";

    public string ToText(bool finalNewline = true) => string.Join("\n", _lines) + (finalNewline && _lines.Count > 0 ? "\n" : "");
}

public sealed record ReportedUsage(long Input, long Output, long CacheRead, long CacheWrite, long? Total = null, double Cost = 0.05475)
{
    public JsonObject ToJson()
    {
        var total = Total ?? Input + Output + CacheRead + CacheWrite;
        return new JsonObject
        {
            ["input"] = Input,
            ["output"] = Output,
            ["cacheRead"] = CacheRead,
            ["cacheWrite"] = CacheWrite,
            ["totalTokens"] = total,
            ["cost"] = new JsonObject { ["input"] = 0.018, ["output"] = 0.02325, ["cacheRead"] = 0.0135, ["cacheWrite"] = 0, ["total"] = Cost },
        };
    }
}
