using System.Runtime.InteropServices;
using System.Text.Json;

namespace ClawLearn.Transcripts;

/// <summary>
/// Decodes at most the first <c>maxChars</c> characters of a JSON string without materialising the whole
/// value, so a 10 MB tool result never becomes a 20 MB string (and a large-object-heap allocation) just to be cut.
/// </summary>
internal static class JsonStringPrefix
{
    public static string Get(JsonElement element, int maxChars, out bool cut) =>
        Get(JsonMarshal.GetRawUtf8Value(element), maxChars, out cut); // the string token, quotes included

    /// <summary>The same for a string token's raw bytes, quotes included.</summary>
    public static string Get(ReadOnlySpan<byte> raw, int maxChars, out bool cut)
    {
        // Fast path: the first maxChars bytes are plain ASCII without escapes, so they are exactly the first maxChars
        // characters (the usual tool output). One vectorised check instead of a byte-by-byte walk.
        if (maxChars > 0 && raw.Length > maxChars + 2)
        {
            var head = raw.Slice(1, maxChars);
            if (head.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 && head.IndexOf((byte)'\\') < 0)
            {
                cut = true;
                return System.Text.Encoding.ASCII.GetString(head);
            }
        }
        // An escaped character takes at most 6 bytes; below this bound the whole string is small anyway.
        if (raw.Length <= (long)maxChars * 6 + 2)
        {
            var whole = new Utf8JsonReader(raw);
            whole.Read();
            var full = JsonStrings.Of(ref whole) ?? "";
            cut = full.Length > maxChars;
            return cut ? full[..maxChars] : full;
        }
        var body = raw[1..^1];
        var prefix = body[..SafeCut(body, maxChars * 6)];
        var quoted = new byte[prefix.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        prefix.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        var text = JsonStrings.Of(ref reader) ?? "";
        cut = true;
        return text.Length > maxChars ? text[..maxChars] : text;
    }

    // The largest length <= limit that ends neither inside an escape sequence nor inside a UTF-8 character.
    private static int SafeCut(ReadOnlySpan<byte> body, int limit)
    {
        var i = 0;
        var lastSafe = 0;
        while (i < body.Length && i < limit)
        {
            int step;
            var b = body[i];
            if (b == (byte)'\\') step = i + 1 < body.Length && body[i + 1] == (byte)'u' ? (IsHighSurrogateEscape(body, i) ? 12 : 6) : 2;
            else if (b < 0x80) step = 1;
            else if (b >= 0xF0) step = 4;
            else if (b >= 0xE0) step = 3;
            else step = 2;
            if (i + step > limit) break;
            i += step;
            lastSafe = i;
        }
        return lastSafe;
    }

    // "\uD800".."\uDBFF" must stay together with the low-surrogate escape that follows it.
    private static bool IsHighSurrogateEscape(ReadOnlySpan<byte> body, int i) =>
        i + 3 < body.Length && (body[i + 2] | 0x20) == (byte)'d' && body[i + 3] is (byte)'8' or (byte)'9' or (byte)'a' or (byte)'b' or (byte)'A' or (byte)'B';
}
