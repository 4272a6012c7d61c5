using System.Runtime.CompilerServices;
using System.Text;

namespace ClawLearn.Transcripts;

/// <summary>
/// Short values that repeat on nearly every line (entry type, role, provider, model, stop reason, tool and content-part
/// names) decoded once per thread and then shared: a small direct-mapped cache of their UTF-8 bytes. Decoding them
/// afresh on each line made several small strings per line, a large part of what ingest allocated.
/// </summary>
internal static class SharedStrings
{
    private const int Slots = 256; // a power of two
    private const int MaxBytes = 64; // longer values are rarely repeated names

    // Parsing runs on several threads at once during ingest; each keeps its own cache.
    [ThreadStatic] private static Entry[]? t_slots;

    private sealed record Entry(byte[] Utf8, string Value);

    /// <summary>The string for <paramref name="utf8"/>: valid UTF-8 of an unescaped JSON string's body.</summary>
    // Hot in every ingest (every role, type and model name): compiled optimised at once, as the line parser is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes) return Encoding.UTF8.GetString(utf8);
        var slots = t_slots ??= new Entry[Slots];
        var hash = new HashCode();
        hash.AddBytes(utf8);
        ref var slot = ref slots[hash.ToHashCode() & (Slots - 1)];
        if (slot is { } entry && utf8.SequenceEqual(entry.Utf8)) return entry.Value;
        var value = Encoding.UTF8.GetString(utf8);
        slot = new Entry(utf8.ToArray(), value);
        return value;
    }
}
