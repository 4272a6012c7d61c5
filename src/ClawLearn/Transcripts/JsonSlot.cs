using System.Text;
using System.Text.Json;

namespace ClawLearn.Transcripts;

/// <summary>
/// Where one value of a scanned line sits: its first token's kind and its raw bytes (a string's with its quotes, a
/// container's whole), and a number's value. Strings are decoded only when asked for, so a value that is never
/// used is never turned into a string.
/// </summary>
internal struct JsonSlot
{
    public JsonTokenType Kind; // None: the property is absent
    public int Start;
    public int Length;
    public bool Escaped;
    public double? Number; // Utf8JsonReader.TryGetDouble's answer, as JsonElement.TryGetDouble gives it

    public readonly bool Present => Kind != JsonTokenType.None;

    public readonly ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> line) => line.Slice(Start, Length);

    /// <summary>The string value, unescaped (like <see cref="JsonElement.GetString"/>), or null when it is not a string.</summary>
    public readonly string? Str(ReadOnlySpan<byte> line) => Kind == JsonTokenType.String ? Decode(line) : null;

    /// <summary>Like <see cref="Str"/>, for a short value that repeats from line to line: the string may be a shared instance.</summary>
    public readonly string? Shared(ReadOnlySpan<byte> line) =>
        Kind != JsonTokenType.String ? null : Escaped ? Decode(line) : SharedStrings.Get(line.Slice(Start + 1, Length - 2));

    public readonly string Decode(ReadOnlySpan<byte> line)
    {
        var body = line.Slice(Start + 1, Length - 2);
        return Escaped ? JsonUnescape.ToString(body) : Encoding.UTF8.GetString(body); // already validated as UTF-8
    }

    /// <summary>Appends the string value, unescaped (the caller checked that it is a string).</summary>
    public readonly void AppendTo(DecodedText text, ReadOnlySpan<byte> line) => text.AppendJsonString(line.Slice(Start + 1, Length - 2), Escaped);

    public readonly long? Long() => Kind == JsonTokenType.Number && Number is { } d && double.IsFinite(d) ? (long)d : null;

    public readonly int? Int() => Long() is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    public readonly bool Bool() => Kind == JsonTokenType.True;

    /// <summary>A time given either as epoch milliseconds or as an ISO-8601 string.</summary>
    public readonly long? TimeMs(ReadOnlySpan<byte> line) => Kind switch
    {
        JsonTokenType.Number when Number is { } d && double.IsFinite(d) => (long)d,
        JsonTokenType.String when !Escaped && Timestamps.TryParseCanonical(line.Slice(Start + 1, Length - 2), out var ms) => ms,
        JsonTokenType.String => Timestamps.ParseIso(Decode(line)),
        _ => null,
    };
}
