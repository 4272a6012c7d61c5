using System.Numerics;
using System.Runtime.CompilerServices;

namespace ClawLearn.Runs;

/// <summary>
/// Finds which of many lines occur in a text, in one pass over the text: a rolling hash of each line's first
/// 16 characters points at candidates, which are then compared in full. Both sides are lower-cased by the caller.
/// </summary>
internal sealed class LineMatcher
{
    public const int MinLineChars = 20;
    private const int Window = 16;
    private const ulong Base = 1_000_003;

    private readonly Dictionary<ulong, List<(string Line, string Key)>> _byPrefix = [];
    private readonly ulong _topPower;
    // One bit per (mixed) prefix hash, about 16 bits per line: almost every text position is rejected by one bit test
    // instead of a dictionary lookup, which had made matching a tenth of ingest's read time.
    private readonly ulong[] _filter;
    private readonly int _filterShift;

    public LineMatcher(IEnumerable<(string Key, string LowerLine)> lines)
    {
        foreach (var (key, line) in lines)
        {
            if (line.Length < MinLineChars) continue;
            var hash = Hash(line.AsSpan(0, Window));
            if (!_byPrefix.TryGetValue(hash, out var list)) _byPrefix[hash] = list = [];
            list.Add((line, key));
        }
        var bits = Math.Clamp((int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, _byPrefix.Count) * 16), 64, 1 << 20);
        _filterShift = 64 - BitOperations.Log2((uint)bits);
        _filter = new ulong[bits / 64];
        foreach (var hash in _byPrefix.Keys)
        {
            var bit = FilterBit(hash);
            _filter[bit >> 6] |= 1UL << bit;
        }
        _topPower = 1;
        for (var i = 1; i < Window; i++) _topPower *= Base;
    }

    public bool IsEmpty => _byPrefix.Count == 0;

    /// <summary>Adds the key of every line found in <paramref name="lowerText"/> to <paramref name="hits"/>.</summary>
    // Runs for every line of every transcript: compiled optimised at once. Left to the tiered JIT it stayed unoptimised
    // for most of a cold ingest (tier-up waits while start-up keeps compiling new methods).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(ReadOnlySpan<char> lowerText, HashSet<string> hits)
    {
        if (IsEmpty || lowerText.Length < MinLineChars) return;
        var hash = Hash(lowerText[..Window]);
        for (var i = 0; ; i++)
        {
            var bit = FilterBit(hash);
            if ((_filter[bit >> 6] & (1UL << bit)) != 0 && _byPrefix.TryGetValue(hash, out var candidates))
            {
                foreach (var (line, key) in candidates)
                {
                    if (!hits.Contains(key) && i + line.Length <= lowerText.Length && lowerText.Slice(i, line.Length).SequenceEqual(line))
                        hits.Add(key);
                }
            }
            if (i + Window >= lowerText.Length) return;
            hash = (hash - lowerText[i] * _topPower) * Base + lowerText[i + Window];
        }
    }

    // The hash's top bits after a multiplicative mix (the raw hash's low bits depend on the last characters only).
    private int FilterBit(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _filterShift);

    private static ulong Hash(ReadOnlySpan<char> span)
    {
        ulong hash = 0;
        foreach (var c in span) hash = hash * Base + c;
        return hash;
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
