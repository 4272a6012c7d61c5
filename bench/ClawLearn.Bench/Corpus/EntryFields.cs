using System.Globalization;
using System.Text.Json;

namespace ClawLearn.Bench.Corpus;

/// <summary>Small field writers every transcript line uses, formatted straight to UTF-8 without strings.</summary>
internal static class EntryFields
{
    /// <summary>pi's 8-hex-character entry ids.</summary>
    public static void WriteHex(Utf8JsonWriter w, string name, uint value)
    {
        Span<byte> hex = stackalloc byte[8];
        value.TryFormat(hex, out _, "x8", CultureInfo.InvariantCulture);
        w.WriteString(name, hex);
    }

    /// <summary>The entry-level ISO timestamp with milliseconds (the message-level one is epoch ms).</summary>
    public static void WriteIso(Utf8JsonWriter w, string name, long ms)
    {
        Span<byte> iso = stackalloc byte[32];
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.TryFormat(iso, out var n, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        w.WriteString(name, iso[..n]);
    }

    public static void TextBlock(Utf8JsonWriter w, ReadOnlySpan<byte> text)
    {
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        w.WriteEndObject();
    }
}
