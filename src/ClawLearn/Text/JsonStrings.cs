using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using ClawLearn.Transcripts;

namespace ClawLearn;

/// <summary>
/// JSON string values as OpenClaw wrote them. Node's JSON allows a surrogate escape that makes no pair (a label or a
/// tool's output cut in the middle of an emoji); <see cref="JsonElement.GetString"/> and
/// <see cref="Utf8JsonReader.GetString"/> throw on one. Here it becomes U+FFFD, as it does when Node writes the string
/// as UTF-8, and the rest of the value is kept (<see cref="JsonUnescape"/>).
/// </summary>
internal static class JsonStrings
{
    public static string? Of(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            var raw = JsonMarshal.GetRawUtf8Value(element); // the string token, quotes included
            return JsonUnescape.ToString(raw[1..^1]);
        }
    }

    /// <summary>
    /// Whether the reader's current string (or property name) is <paramref name="text"/>. One escaped with a surrogate
    /// that makes no pair is none of ours, where <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> would
    /// throw comparing it.
    /// </summary>
    public static bool TextIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> text)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence) return reader.ValueSpan.SequenceEqual(text);
        try
        {
            return reader.ValueTextEquals(text);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The reader's current string (or property name).</summary>
    public static string? Of(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return JsonUnescape.ToString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
    }
}
