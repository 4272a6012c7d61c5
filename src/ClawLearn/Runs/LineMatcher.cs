using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClawLearn.Runs;

/// <summary>
/// Finds which of many lines occur in a text, in one pass over the text. Every line is at least
/// <see cref="MinLineChars"/> long, so any occurrence covers a text position that is a multiple of
/// <see cref="Stride"/> = MinLineChars − Window + 1 together with the <see cref="Window"/> characters after it, and
/// those characters are the window at one of the line's first <see cref="Stride"/> offsets. So each line is indexed
/// under the hashes of those windows, and the text is hashed only at every Stride-th position; a candidate is then
/// compared in full. Both sides are lower-cased by the caller.
/// </summary>
internal sealed class LineMatcher
{
    public const int MinLineChars = 20;
    private const int Window = 16;
    private const int Stride = MinLineChars - Window + 1;

    private readonly Dictionary<ulong, List<(string Line, string Key, int Offset)>> _byWindow = [];
    // One bit per (mixed) window hash, about 16 bits per window: almost every text position is rejected by one bit test
    // instead of a dictionary lookup.
    private readonly ulong[] _filter;
    private readonly int _filterShift;

    public LineMatcher(IEnumerable<(string Key, string LowerLine)> lines)
    {
        foreach (var (key, line) in lines)
        {
            if (line.Length < MinLineChars) continue;
            for (var offset = 0; offset < Stride; offset++)
            {
                var hash = Hash(line.AsSpan(offset, Window));
                if (!_byWindow.TryGetValue(hash, out var list)) _byWindow[hash] = list = [];
                list.Add((line, key, offset));
            }
        }
        var bits = Math.Clamp((int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, _byWindow.Count) * 16), 64, 1 << 22);
        _filterShift = 64 - BitOperations.Log2((uint)bits);
        _filter = new ulong[bits / 64];
        foreach (var hash in _byWindow.Keys)
        {
            var bit = FilterBit(hash);
            _filter[bit >> 6] |= 1UL << bit;
        }
    }

    public bool IsEmpty => _byWindow.Count == 0;

    /// <summary>Adds the key of every line found in <paramref name="lowerText"/> to <paramref name="hits"/>.</summary>
    // Runs for every run of every transcript: compiled optimised at once. Left to the tiered JIT it stayed unoptimised
    // for most of a cold ingest (tier-up waits while start-up keeps compiling new methods).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(ReadOnlySpan<char> lowerText, HashSet<string> hits)
    {
        if (IsEmpty || lowerText.Length < MinLineChars) return;
        for (var at = 0; at + Window <= lowerText.Length; at += Stride)
        {
            var hash = Hash(lowerText.Slice(at, Window));
            var bit = FilterBit(hash);
            if ((_filter[bit >> 6] & (1UL << bit)) == 0 || !_byWindow.TryGetValue(hash, out var candidates)) continue;
            foreach (var (line, key, offset) in candidates)
            {
                var start = at - offset;
                if (start >= 0 && start + line.Length <= lowerText.Length && !hits.Contains(key) && lowerText.Slice(start, line.Length).SequenceEqual(line))
                    hits.Add(key);
            }
        }
    }

    // The hash's top bits (it is mixed well enough for them to be spread).
    private int FilterBit(ulong hash) => (int)(hash >> _filterShift);

    // The window's 32 bytes as four 64-bit words, each multiplied by its own odd constant, rotated and folded.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<char> window)
    {
        var words = MemoryMarshal.Cast<char, ulong>(window);
        var hash = words[0] * 0x9E3779B97F4A7C15UL
            ^ BitOperations.RotateLeft(words[1] * 0xC2B2AE3D27D4EB4FUL, 17)
            ^ BitOperations.RotateLeft(words[2] * 0x165667B19E3779F9UL, 31)
            ^ BitOperations.RotateLeft(words[3] * 0x27D4EB2F165667C5UL, 47);
        hash ^= hash >> 29;
        return hash * 0x94D049BB133111EBUL;
    }

    /// <summary>A line as reference detection compares it: list markers and surrounding white space stripped, lower case.</summary>
    public static string Significant(string line)
    {
        var span = line.AsSpan().Trim();
        while (span.Length > 0)
        {
            if (span[0] is '-' or '*' or '+' or '>') { span = span[1..].TrimStart(); continue; }
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits])) digits++;
            if (digits > 0 && digits < span.Length && span[digits] is '.' or ')') { span = span[(digits + 1)..].TrimStart(); continue; }
            break;
        }
        return span.ToString().ToLowerInvariant();
    }
}
