using System.Text;
using System.Text.Json;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts.Reference;

/// <summary>
/// Content handling of the reference parser, on <see cref="JsonElement"/>s (the code before the one-pass scanner).
/// Turns message content into text: a string as is; an array as its text-like parts joined by newlines
/// (images become <c>[image]</c>, never base64); an object as its <c>text</c>, else compact JSON.
/// </summary>
internal static class ReferenceContentText
{
    public static string Of(JsonElement? content) => content switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { ValueKind: JsonValueKind.Array } a => JoinParts(a, includeNonText: true),
        { ValueKind: JsonValueKind.Object } o => o.Str("text") ?? (o.Str("type") == "image" ? "[image]" : o.GetRawText()),
        _ => "",
    };

    /// <summary>Text of a tool result, decoded only up to <paramref name="maxChars"/>, with a cut marker when longer.</summary>
    public static string Limited(JsonElement? content, int maxChars)
    {
        var sb = new StringBuilder();
        var cut = false;
        switch (content)
        {
            case { ValueKind: JsonValueKind.String } s:
                sb.Append(JsonStringPrefix.Get(s, maxChars, out cut));
                break;
            case { ValueKind: JsonValueKind.Array } a:
                foreach (var part in a.EnumerateArray())
                {
                    if (sb.Length >= maxChars) { cut = true; break; }
                    var text = part.ValueKind == JsonValueKind.String ? (JsonElement?)part : part.Prop("text");
                    if (sb.Length > 0) sb.Append('\n');
                    if (text is { ValueKind: JsonValueKind.String } t)
                    {
                        sb.Append(JsonStringPrefix.Get(t, maxChars - sb.Length, out var partCut));
                        cut |= partCut;
                    }
                    else if (part.Str("type") is "image" or "image_url" or "input_image")
                    {
                        sb.Append("[image]");
                    }
                }
                break;
            default:
                var whole = Of(content);
                cut = whole.Length > maxChars;
                sb.Append(cut ? whole[..maxChars] : whole);
                break;
        }
        if (sb.Length > maxChars) { sb.Length = maxChars; cut = true; }
        return cut ? sb.Append("…[cut]").ToString() : sb.ToString();
    }

    /// <summary>Assistant text: only text blocks (thinking and tool calls are not what the model said).</summary>
    public static string AssistantText(JsonElement? content) => content is { ValueKind: JsonValueKind.Array } a
        ? JoinParts(a, includeNonText: false)
        : Of(content);

    /// <summary>Every string value in a JSON tree, unescaped, joined by newlines.</summary>
    public static string StringsOf(JsonElement? element)
    {
        if (element is not { } e) return "";
        var sb = new StringBuilder();
        Collect(e, sb);
        return sb.ToString();
    }

    private static void Collect(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                if (sb.Length > 0) sb.Append('\n');
                sb.Append(e.GetString());
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Collect(item, sb);
                break;
            case JsonValueKind.Object:
                foreach (var property in e.EnumerateObject()) Collect(property.Value, sb);
                break;
        }
    }

    private static string JoinParts(JsonElement array, bool includeNonText)
    {
        var sb = new StringBuilder();
        foreach (var part in array.EnumerateArray())
        {
            string? text = part.ValueKind switch
            {
                JsonValueKind.String => part.GetString(),
                JsonValueKind.Object => part.Str("type") switch
                {
                    "text" or "input_text" or "output_text" => part.Str("text"),
                    "image" or "image_url" or "input_image" => includeNonText ? "[image]" : null,
                    "thinking" or "toolCall" => null,
                    _ => includeNonText ? part.Str("text") : null,
                },
                _ => null,
            };
            if (text is null) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(text);
        }
        return sb.ToString();
    }
}
