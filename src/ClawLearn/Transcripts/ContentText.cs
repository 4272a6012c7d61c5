using System.Buffers;
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
        switch (content.Kind)
        {
            case JsonTokenType.String:
                return content.Decode(line);
            case JsonTokenType.StartArray:
                return JoinParts(owner.Parts, line, includeNonText: true);
            case JsonTokenType.StartObject:
                var o = owner.ContentObject;
                return o.Text.Str(line) ?? (o.Type.Shared(line) == "image" ? "[image]" : Encoding.UTF8.GetString(content.Raw(line)));
            default:
                return "";
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
        ? JoinParts(owner.Parts, line, includeNonText: false)
        : Of(owner, line);

    /// <summary>Every string value in a JSON tree, unescaped, joined by newlines.</summary>
    // Tool-call arguments of every assistant turn come through here: the strings are unescaped straight into one
    // pooled buffer and copied out once, not each decoded to a string, appended to a builder and copied again.
    public static string StringsOf(JsonSlot element, ReadOnlySpan<byte> line)
    {
        if (!element.Present) return "";
        char[]? buffer = null;
        var length = 0;
        try
        {
            // Property names are not values; every string token in document order is. The slot was validated by the
            // line's scan: its tokens are walked again by the same fast reader (arguments can be whole files).
            var reader = new LineJsonReader(element.Raw(line));
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.String) continue;
                // Unescaped, a string has at most as many UTF-16 chars as its escaped UTF-8 bytes.
                var needed = length + 1 + reader.ValueSpan.Length;
                if (buffer is null || buffer.Length < needed) Grow(ref buffer, needed, length);
                if (length > 0) buffer![length++] = '\n';
                length += reader.ValueIsEscaped
                    ? JsonUnescape.Into(reader.ValueSpan, buffer.AsSpan(length))
                    : Encoding.UTF8.GetChars(reader.ValueSpan, buffer.AsSpan(length)); // the line was validated as UTF-8
            }
            return length == 0 ? "" : new string(buffer!, 0, length);
        }
        finally
        {
            if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Grow(ref char[]? buffer, int needed, int keep)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(needed, buffer is null ? 256 : buffer.Length * 2));
        if (buffer is not null)
        {
            buffer.AsSpan(0, keep).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(buffer);
        }
        buffer = bigger;
    }

    private static string JoinParts(List<ContentPart> parts, ReadOnlySpan<byte> line, bool includeNonText)
    {
        // Most content has one text part: it is returned as decoded, a builder only starts at a second one.
        string? first = null;
        StringBuilder? sb = null;
        foreach (var part in parts)
        {
            string? text = part.Value.Kind switch
            {
                JsonTokenType.String => part.Value.Decode(line),
                JsonTokenType.StartObject => part.Type.Shared(line) switch
                {
                    "text" or "input_text" or "output_text" => part.Text.Str(line),
                    "image" or "image_url" or "input_image" => includeNonText ? "[image]" : null,
                    "thinking" or "toolCall" => null,
                    _ => includeNonText ? part.Text.Str(line) : null,
                },
                _ => null,
            };
            if (text is null) continue;
            if (first is null)
            {
                first = text;
                continue;
            }
            sb ??= new StringBuilder(first);
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(text);
        }
        return sb?.ToString() ?? first ?? "";
    }
}
