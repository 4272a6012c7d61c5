using System.Text.Json;
using System.Text.Unicode;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts.Reference;

/// <summary>
/// The line parser as it was before the one-pass scanner: one <see cref="JsonDocument"/> per line. Kept only as the
/// oracle the scanner is compared with line by line (<see cref="LineParserEquivalenceTests"/>).
/// Turns one transcript line (or SQLite event) into a record, deciding the format per line: <c>type</c> →
/// real OpenClaw/pi format, else <c>role</c> → the seed's simplified format, else skipped (trace-contract
/// section 4). Delivery-mirror and injected assistant messages are dropped before anything else.
/// </summary>
internal static class ReferenceLineParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static LineOutcome Parse(ReadOnlyMemory<byte> line, LineReaderOptions options)
    {
        if (!Utf8.IsValid(line.Span)) return LineOutcome.Skipped(SkipReason.InvalidUtf8);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException)
        {
            return LineOutcome.Skipped(SkipReason.InvalidJson);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return LineOutcome.Skipped(SkipReason.NotAnObject);
            if (root.Str("type") is { } type) return ParseReal(root, type, options);
            if (root.Str("role") is { } role) return ParseSimplified(root, role, options);
            return LineOutcome.Skipped(SkipReason.NoTypeOrRole);
        }
    }

    private static LineOutcome ParseReal(JsonElement root, string type, LineReaderOptions options)
    {
        var message = root.Prop("message") ?? default;
        var time = root.TimeMs("timestamp") ?? (message.ValueKind == JsonValueKind.Object ? message.TimeMs("timestamp") : null);
        switch (type)
        {
            case "session":
                return LineOutcome.Of(new SessionHeader(root.Str("id"), root.Int("version"), time, root.Str("parentSession"), root.Str("cwd")));
            case "model_change":
                return LineOutcome.Of(new ModelChange(root.Str("provider"), root.Str("modelId") ?? root.Str("model"), time));
            case "session_info" when root.Str("name") is { Length: > 0 } name:
                return LineOutcome.Of(new SessionTitle(name, time));
            case "message" when message.ValueKind == JsonValueKind.Object:
                return ParseMessage(message, root.Str("id"), time, options);
            default:
                return LineOutcome.Of(new MetadataEntry(type, root.Str("summary"), time));
        }
    }

    private static LineOutcome ParseMessage(JsonElement message, string? entryId, long? time, LineReaderOptions options)
    {
        var content = message.Prop("content");
        switch (message.Str("role"))
        {
            case "user":
                return LineOutcome.Of(new Turn(TurnRole.User, time, ReferenceContentText.Of(content), [], EntryId: entryId));
            case "assistant":
                if (IsDropped(message)) return LineOutcome.Drop;
                return LineOutcome.Of(new Turn(TurnRole.Assistant, time, ReferenceContentText.AssistantText(content),
                    ToolCalls(content), Usage(message), message.Str("provider"), message.Str("model"),
                    message.Str("stopReason"), message.Str("errorMessage"), EntryId: entryId));
            case "toolResult":
                return LineOutcome.Of(new Turn(TurnRole.ToolResult, time, ReferenceContentText.Limited(content, options.MaxToolResultChars), [],
                    ToolName: message.Str("toolName"), IsError: message.Bool("isError"), EntryId: entryId));
            case var role:
                return LineOutcome.Of(new MetadataEntry(role is null ? "message" : $"message:{role}", message.Str("summary"), time));
        }
    }

    private static LineOutcome ParseSimplified(JsonElement root, string role, LineReaderOptions options)
    {
        var time = root.TimeMs("timestamp");
        var content = root.Prop("content");
        switch (role)
        {
            case "user":
                return LineOutcome.Of(new Turn(TurnRole.User, time, ReferenceContentText.Of(content), []));
            case "assistant":
                if (IsDropped(root)) return LineOutcome.Drop;
                return LineOutcome.Of(new Turn(TurnRole.Assistant, time, ReferenceContentText.Of(content), ToolCalls(content),
                    Usage(root), root.Str("provider"), root.Str("model"), root.Str("stopReason"), root.Str("errorMessage")));
            case "tool":
                var name = ToolName(root.Str("name"));
                var input = root.Prop("input") ?? root.Prop("arguments");
                return LineOutcome.Of(new Turn(TurnRole.ToolCall, time, "", [new ToolCall(root.Str("id"), name, ReferenceContentText.StringsOf(input))], ToolName: name));
            case "tool_result":
                return LineOutcome.Of(new Turn(TurnRole.ToolResult, time, ReferenceContentText.Limited(content, options.MaxToolResultChars), [],
                    ToolName: root.Str("name"), IsError: root.Bool("isError")));
            default:
                return LineOutcome.Of(new MetadataEntry($"role:{role}", null, time));
        }
    }

    // A tool with no usable name still counts as a call, under one name that makes a valid arm id.
    private static string ToolName(string? name) => string.IsNullOrWhiteSpace(name) ? "(unnamed)" : name.Trim();

    // Delivery mirrors duplicate text already delivered; injected messages were never produced by a model.
    private static bool IsDropped(JsonElement message) =>
        (message.Str("provider") == "openclaw" && message.Str("model") == "delivery-mirror")
        || message.Str("stopReason") == "injected";

    private static List<ToolCall> ToolCalls(JsonElement? content)
    {
        var calls = new List<ToolCall>();
        if (content is not { ValueKind: JsonValueKind.Array } blocks) return calls;
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.Str("type") != "toolCall") continue;
            calls.Add(new ToolCall(block.Str("id"), ToolName(block.Str("name")), ReferenceContentText.StringsOf(block.Prop("arguments"))));
        }
        return calls;
    }

    private static TokenUsage? Usage(JsonElement message)
    {
        if (message.Prop("usage") is not { ValueKind: JsonValueKind.Object } usage) return null;
        return new TokenUsage(usage.Long("input") ?? 0, usage.Long("output") ?? 0, usage.Long("cacheRead") ?? 0,
            usage.Long("cacheWrite") ?? 0, usage.Long("totalTokens"),
            usage.Prop("cost") is { ValueKind: JsonValueKind.Object } cost && cost.Prop("total") is { ValueKind: JsonValueKind.Number } total
                && total.TryGetDouble(out var d) && double.IsFinite(d) ? d : null);
    }
}
