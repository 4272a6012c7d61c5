using System.Text;
using System.Text.Json;

namespace ClawLearn.Transcripts;

/// <summary>
/// Turns message content into text: a string as is; an array as its text-like parts joined by newlines
/// (images become <c>[image]</c>, never base64); an object as its <c>text</c>, else compact JSON. Works on a
/// scanned line: only the strings that end up in the text are decoded.
/// </summary>
internal static class ContentText
{
    public static string Of(ScannedObject owner, ReadOnlySpan<byte> line)
    {
        var content = owner[LineField.Content];
        // A plain string, the usual case, is decoded straight into its string.
        return content.Kind == JsonTokenType.String ? content.Decode(line) : Built(owner, line, OfInto);
    }

    /// <summary>Writes <see cref="Of"/>'s text into <paramref name="text"/>.</summary>
    public static void OfInto(ScannedObject owner, ReadOnlySpan<byte> line, DecodedText text)
    {
        var content = owner[LineField.Content];
        switch (content.Kind)
        {
            case JsonTokenType.String:
                content.AppendTo(text, line);
                break;
            case JsonTokenType.StartArray:
                JoinPartsInto(owner.Parts, line, includeNonText: true, text);
                break;
            case JsonTokenType.StartObject:
                var o = owner.ContentObject;
                if (o.Text.Kind == JsonTokenType.String) o.Text.AppendTo(text, line);
                else if (o.Type.Shared(line) == "image") text.Append("[image]");
                else text.AppendUtf8(content.Raw(line));
                break;
        }
    }

    /// <summary>Text of a tool result, decoded only up to <paramref name="maxChars"/>, with a cut marker when longer.</summary>
    public static string Limited(ScannedObject owner, ReadOnlySpan<byte> line, int maxChars)
    {
        var sb = new StringBuilder();
        var cut = false;
        var content = owner[LineField.Content];
        switch (content.Kind)
        {
            case JsonTokenType.String:
                sb.Append(JsonStringPrefix.Get(content.Raw(line), maxChars, out cut));
                break;
            case JsonTokenType.StartArray:
                foreach (var part in owner.Parts)
                {
                    if (sb.Length >= maxChars) { cut = true; break; }
                    var text = part.Value.Kind == JsonTokenType.String ? part.Value : part.Text;
                    if (sb.Length > 0) sb.Append('\n');
                    if (text.Kind == JsonTokenType.String)
                    {
                        sb.Append(JsonStringPrefix.Get(text.Raw(line), maxChars - sb.Length, out var partCut));
                        cut |= partCut;
                    }
                    else if (part.Type.Shared(line) is "image" or "image_url" or "input_image")
                    {
                        sb.Append("[image]");
                    }
                }
                break;
            default:
                var whole = Of(owner, line);
                cut = whole.Length > maxChars;
                sb.Append(cut ? whole[..maxChars] : whole);
                break;
        }
        if (sb.Length > maxChars) { sb.Length = maxChars; cut = true; }
        return cut ? sb.Append("…[cut]").ToString() : sb.ToString();
    }

    /// <summary>Assistant text: only text blocks (thinking and tool calls are not what the model said).</summary>
    public static string AssistantText(ScannedObject owner, ReadOnlySpan<byte> line) => owner[LineField.Content].Kind == JsonTokenType.StartArray
        ? Built(owner, line, AssistantTextInto)
        : Of(owner, line);

    /// <summary>Writes <see cref="AssistantText"/>'s text into <paramref name="text"/>.</summary>
    public static void AssistantTextInto(ScannedObject owner, ReadOnlySpan<byte> line, DecodedText text)
    {
        if (owner[LineField.Content].Kind == JsonTokenType.StartArray) JoinPartsInto(owner.Parts, line, includeNonText: false, text);
        else OfInto(owner, line, text);
    }

    /// <summary>Every string value in a JSON tree, unescaped, joined by newlines.</summary>
    public static string StringsOf(JsonSlot element, ReadOnlySpan<byte> line) => element.Present ? Built(element, line, StringsInto) : "";

    /// <summary>Writes <see cref="StringsOf"/>'s text into <paramref name="text"/>.</summary>
    // Tool-call arguments of every assistant turn come through here: the strings are unescaped straight into one
    // buffer, not each decoded to a string and joined.
    public static void StringsInto(JsonSlot element, ReadOnlySpan<byte> line, DecodedText text)
    {
        if (!element.Present) return;
        var start = text.Length;
        // Property names are not values; every string token in document order is. The slot was validated by the
        // line's scan: its tokens are walked again by the same fast reader (arguments can be whole files).
        var reader = new LineJsonReader(element.Raw(line));
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.String) continue;
            if (text.Length > start) text.Append('\n');
            text.AppendJsonString(reader.ValueSpan, reader.ValueIsEscaped);
        }
    }

    // A text as a string, put together in a pooled buffer.
    private static string Built<T>(T subject, ReadOnlySpan<byte> line, TextInto<T> into)
    {
        var text = new DecodedText();
        try
        {
            into(subject, line, text);
            return text.ToString(0);
        }
        finally
        {
            text.Release();
        }
    }

    // The parts' texts, a newline before each one but the first once there is any text (an empty first part adds none).
    private static void JoinPartsInto(List<ContentPart> parts, ReadOnlySpan<byte> line, bool includeNonText, DecodedText text)
    {
        var start = text.Length;
        foreach (var part in parts)
        {
            JsonSlot piece = default;
            string? literal = null;
            switch (part.Value.Kind)
            {
                case JsonTokenType.String:
                    piece = part.Value;
                    break;
                case JsonTokenType.StartObject:
                    switch (part.Type.Shared(line))
                    {
                        case "text" or "input_text" or "output_text":
                            piece = part.Text;
                            break;
                        case "image" or "image_url" or "input_image":
                            if (includeNonText) literal = "[image]";
                            break;
                        case "thinking" or "toolCall":
                            break;
                        default:
                            if (includeNonText) piece = part.Text;
                            break;
                    }
                    break;
            }
            if (literal is null && piece.Kind != JsonTokenType.String) continue;
            if (text.Length > start) text.Append('\n');
            if (literal is not null) text.Append(literal);
            else piece.AppendTo(text, line);
        }
    }
}
