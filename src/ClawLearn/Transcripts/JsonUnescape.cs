using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ClawLearn.Transcripts;

/// <summary>
/// Unescapes a JSON string straight into UTF-16, with the results of <see cref="System.Text.Json.Utf8JsonReader.GetString"/>
/// but one: a surrogate escape that makes no pair becomes U+FFFD, where the reader throws. Node's JSON, which OpenClaw
/// writes, allows such an escape (a model's output cut in the middle of an emoji), and U+FFFD is what Node itself
/// makes of it when it writes the string as UTF-8; a transcript line holding one is read, not lost. The reader's own
/// unescaping goes through a pooled UTF-8 buffer that it then clears; for the assistant text and tool-call arguments
/// ingest decodes (mostly escaped: newlines, quotes) that clearing and the extra pass were a tenth of the read time.
/// </summary>
internal static class JsonUnescape
{
    private const int StackChars = 256;

    /// <summary>The string whose body (between the quotes) is <paramref name="body"/>: valid UTF-8 with valid escapes, as a reader validated it.</summary>
    public static string ToString(ReadOnlySpan<byte> body)
    {
        // Unescaped, a string has at most as many UTF-16 chars as its escaped UTF-8 bytes.
        if (body.Length <= StackChars)
        {
            Span<char> chars = stackalloc char[StackChars];
            return new string(chars[..Into(body, chars)]);
        }
        var rented = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            return new string(rented, 0, Into(body, rented));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the unescaped body into <paramref name="destination"/> (at least <c>body.Length</c> chars); returns the chars written.</summary>
    // Hot in every ingest (every escaped text decoded): compiled optimised at once, as the line parser is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Into(ReadOnlySpan<byte> body, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var backslash = body.IndexOf((byte)'\\');
            // Escapes are ASCII, so the bytes between them are whole UTF-8 characters.
            written += Encoding.UTF8.GetChars(backslash < 0 ? body : body[..backslash], destination[written..]);
            if (backslash < 0) return written;
            var escape = body[backslash + 1];
            body = body[(backslash + 2)..];
            switch (escape)
            {
                case (byte)'n': destination[written++] = '\n'; break;
                case (byte)'t': destination[written++] = '\t'; break;
                case (byte)'r': destination[written++] = '\r'; break;
                case (byte)'b': destination[written++] = '\b'; break;
                case (byte)'f': destination[written++] = '\f'; break;
                case (byte)'u':
                    var unit = Hex4(body);
                    body = body[4..];
                    if (char.IsHighSurrogate(unit) && body.Length >= 6 && body[0] == (byte)'\\' && body[1] == (byte)'u' && char.IsLowSurrogate(Hex4(body[2..])))
                    {
                        // A pair: both halves as written.
                        destination[written++] = unit;
                        destination[written++] = Hex4(body[2..]);
                        body = body[6..];
                    }
                    else
                    {
                        // A surrogate that makes no pair is replaced; what follows it is read as usual.
                        destination[written++] = char.IsSurrogate(unit) ? '\uFFFD' : unit;
                    }
                    break;
                default: // '"', '\\', '/'
                    destination[written++] = (char)escape;
                    break;
            }
        }
    }

    private static char Hex4(ReadOnlySpan<byte> hex) => (char)(HexDigit(hex[0]) << 12 | HexDigit(hex[1]) << 8 | HexDigit(hex[2]) << 4 | HexDigit(hex[3]));

    private static int HexDigit(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
