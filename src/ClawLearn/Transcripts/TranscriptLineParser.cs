using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace ClawLearn.Transcripts;

/// <summary>
/// Turns one transcript line (or SQLite event) into a record, deciding the format per line: <c>type</c> →
/// real OpenClaw/pi format, else <c>role</c> → the seed's simplified format, else skipped (trace-contract
/// section 4). Delivery-mirror and injected assistant messages are dropped before anything else.
/// The line is validated and read in one <see cref="LineScan"/> pass (no document is built); only the values a
/// record takes are decoded.
/// </summary>
internal static class TranscriptLineParser
{
    // Parsing runs on several threads at once during ingest; each keeps its own scan buffers, and its own buffer for
    // the text of turns read for run facts only.
    [ThreadStatic] private static LineScan? t_scan;
    [ThreadStatic] private static DecodedText? t_decoded;

    // Runs for every line of every transcript: compiled optimised at once. Left to the tiered JIT it stayed unoptimised
    // for most of a cold ingest (tier-up waits while start-up keeps compiling new methods).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LineOutcome Parse(ReadOnlyMemory<byte> line, LineReaderOptions options)
    {
        var span = line.Span;
        if (!Utf8.IsValid(span)) return LineOutcome.Skipped(SkipReason.InvalidUtf8);
        var scan = t_scan ??= new LineScan();
        if (scan.Read(span) is { } reason) return LineOutcome.Skipped(reason);
        var root = scan.Root;
        if (root.Shared(LineField.Type, span) is { } type) return ParseReal(scan, span, type, options);
        if (root.Shared(LineField.Role, span) is { } role) return ParseSimplified(scan, span, role, options);
        return LineOutcome.Skipped(SkipReason.NoTypeOrRole);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LineOutcome ParseReal(LineScan scan, ReadOnlySpan<byte> line, string type, LineReaderOptions options)
    {
        var root = scan.Root;
        var hasMessage = root.IsObject(LineField.Message);
        var time = root[LineField.Timestamp].TimeMs(line) ?? (hasMessage ? scan.Message[LineField.Timestamp].TimeMs(line) : null);
        switch (type)
        {
            case "session":
                return LineOutcome.Of(new SessionHeader(root.Str(LineField.Id, line), root[LineField.Version].Int(), time,
                    root.Str(LineField.ParentSession, line), root.Str(LineField.Cwd, line)));
            case "model_change":
                return LineOutcome.Of(new ModelChange(root.Shared(LineField.Provider, line),
                    root.Shared(LineField.ModelId, line) ?? root.Shared(LineField.Model, line), time));
            case "session_info" when root.Str(LineField.Name, line) is { Length: > 0 } name:
                return LineOutcome.Of(new SessionTitle(name, time));
            case "message" when hasMessage:
                return ParseMessage(scan.Message, scan.MessageUsage, line, root.Str(LineField.Id, line), time, options);
            default:
                return LineOutcome.Of(new MetadataEntry(type, root.Str(LineField.Summary, line), time));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LineOutcome ParseMessage(ScannedObject message, ScannedObject usage, ReadOnlySpan<byte> line, string? entryId, long? time,
        LineReaderOptions options)
    {
        switch (message.Shared(LineField.Role, line))
        {
            case "user":
                return LineOutcome.Of(new Turn(TurnRole.User, time, options.RunFactsOnly ? "" : ContentText.Of(message, line), [], EntryId: entryId));
            case "assistant":
                if (IsDropped(message, line)) return LineOutcome.Drop;
                var decoded = Decoded(options);
                return LineOutcome.Of(new Turn(TurnRole.Assistant, time, Text(message, line, decoded, ContentText.AssistantText, ContentText.AssistantTextInto),
                    ToolCalls(message, line, decoded), Usage(message, usage, line), message.Shared(LineField.Provider, line), message.Shared(LineField.Model, line),
                    message.Shared(LineField.StopReason, line), message.Str(LineField.ErrorMessage, line), EntryId: entryId) { Decoded = decoded });
            case "toolResult":
                return LineOutcome.Of(new Turn(TurnRole.ToolResult, time, ToolResultText(message, line, options), [],
                    ToolName: message.Shared(LineField.ToolName, line), IsError: message[LineField.IsError].Bool(), EntryId: entryId));
            case var role:
                return LineOutcome.Of(new MetadataEntry(role is null ? "message" : $"message:{role}", message.Str(LineField.Summary, line), time));
        }
    }

    private static LineOutcome ParseSimplified(LineScan scan, ReadOnlySpan<byte> line, string role, LineReaderOptions options)
    {
        var root = scan.Root;
        var time = root[LineField.Timestamp].TimeMs(line);
        switch (role)
        {
            case "user":
                return LineOutcome.Of(new Turn(TurnRole.User, time, options.RunFactsOnly ? "" : ContentText.Of(root, line), []));
            case "assistant":
                if (IsDropped(root, line)) return LineOutcome.Drop;
                var decoded = Decoded(options);
                return LineOutcome.Of(new Turn(TurnRole.Assistant, time, Text(root, line, decoded, ContentText.Of, ContentText.OfInto), ToolCalls(root, line, decoded),
                    Usage(root, scan.RootUsage, line), root.Shared(LineField.Provider, line), root.Shared(LineField.Model, line),
                    root.Shared(LineField.StopReason, line), root.Str(LineField.ErrorMessage, line)) { Decoded = decoded });
            case "tool":
                var name = ToolName(root.Shared(LineField.Name, line));
                var input = root[LineField.Input].Present ? root[LineField.Input] : root[LineField.Arguments];
                var arguments = Decoded(options);
                return LineOutcome.Of(new Turn(TurnRole.ToolCall, time, "",
                    [new ToolCall(root.Str(LineField.Id, line), name, Arguments(input, line, arguments))], ToolName: name) { Decoded = arguments });
            case "tool_result":
                return LineOutcome.Of(new Turn(TurnRole.ToolResult, time, ToolResultText(root, line, options), [],
                    ToolName: root.Shared(LineField.Name, line), IsError: root[LineField.IsError].Bool()));
            default:
                return LineOutcome.Of(new MetadataEntry($"role:{role}", null, time));
        }
    }

    private static string ToolResultText(ScannedObject owner, ReadOnlySpan<byte> line, LineReaderOptions options) =>
        options.RunFactsOnly ? "" : ContentText.Limited(owner, line, options.MaxToolResultChars);

    // A tool with no usable name still counts as a call, under one name that makes a valid arm id.
    private static string ToolName(string? name) => string.IsNullOrWhiteSpace(name) ? "(unnamed)" : name.Trim();

    // Delivery mirrors duplicate text already delivered; injected messages were never produced by a model.
    private static bool IsDropped(ScannedObject message, ReadOnlySpan<byte> line) =>
        (message.Shared(LineField.Provider, line) == "openclaw" && message.Shared(LineField.Model, line) == "delivery-mirror")
        || message.Shared(LineField.StopReason, line) == "injected";

    // Read for run facts only, a turn's text goes into the thread's buffer instead of a string (see Turn.Decoded).
    private static DecodedText? Decoded(LineReaderOptions options)
    {
        if (!options.RunFactsOnly) return null;
        var decoded = t_decoded ??= new DecodedText();
        decoded.Clear();
        return decoded;
    }

    private delegate string TextOf(ScannedObject owner, ReadOnlySpan<byte> line);

    // The text as a string, or written into the decoded buffer (then "").
    private static string Text(ScannedObject owner, ReadOnlySpan<byte> line, DecodedText? decoded, TextOf of, TextInto<ScannedObject> into)
    {
        if (decoded is null) return of(owner, line);
        var start = decoded.Length;
        into(owner, line, decoded);
        decoded.EndText(start);
        return "";
    }

    // A tool call's arguments as a string, or written into the decoded buffer (then "").
    private static string Arguments(JsonSlot arguments, ReadOnlySpan<byte> line, DecodedText? decoded)
    {
        if (decoded is null) return ContentText.StringsOf(arguments, line);
        var start = decoded.Length;
        ContentText.StringsInto(arguments, line, decoded);
        decoded.EndArguments(start);
        return "";
    }

    private static List<ToolCall> ToolCalls(ScannedObject owner, ReadOnlySpan<byte> line, DecodedText? decoded)
    {
        var calls = new List<ToolCall>();
        if (owner[LineField.Content].Kind != JsonTokenType.StartArray) return calls;
        foreach (var block in owner.Parts)
        {
            if (block.Type.Shared(line) != "toolCall") continue;
            calls.Add(new ToolCall(block.Id.Str(line), ToolName(block.Name.Shared(line)), Arguments(block.Arguments, line, decoded)));
        }
        return calls;
    }

    private static TokenUsage? Usage(ScannedObject owner, ScannedObject usage, ReadOnlySpan<byte> line)
    {
        if (!owner.IsObject(LineField.Usage)) return null;
        return new TokenUsage(usage[LineField.Input].Long() ?? 0, usage[LineField.Output].Long() ?? 0, usage[LineField.CacheRead].Long() ?? 0,
            usage[LineField.CacheWrite].Long() ?? 0, usage[LineField.TotalTokens].Long(), CostTotal(usage[LineField.Cost], line));
    }

    // usage.cost is a small object ({input, output, cacheRead, cacheWrite, total}); only its total is read, and only
    // from the slot the scan already validated, so no other line pays for it. A repeated name: the last one counts,
    // as everywhere in the parser.
    private static double? CostTotal(JsonSlot cost, ReadOnlySpan<byte> line)
    {
        if (cost.Kind != JsonTokenType.StartObject) return null;
        var reader = new Utf8JsonReader(cost.Raw(line));
        reader.Read();
        double? total = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTotal = IsTotal(ref reader);
            reader.Read();
            if (isTotal) total = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
            reader.Skip();
        }
        return total;
    }

    // A name whose escapes do not make valid UTF-16 (a lone surrogate) matches nothing, as with TryGetProperty.
    private static bool IsTotal(ref Utf8JsonReader reader) => JsonStrings.TextIs(ref reader, "total"u8);
}
