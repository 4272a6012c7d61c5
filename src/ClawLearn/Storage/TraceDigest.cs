using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ClawLearn.Storage;

/// <summary>
/// A stored trace's JSON reduced to its UTF-8 length and a 128-bit hash, so a sync compares each new trace with the
/// stored one without holding every stored trace's JSON (a run offering a hundred arms is ~12 KB; an agent's
/// history, the better part of a gigabyte).
/// </summary>
internal readonly record struct TraceDigest(int Length, UInt128 Hash)
{
    public static TraceDigest Of(ReadOnlySpan<byte> utf8Json)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8Json, hash);
        return new TraceDigest(utf8Json.Length, MemoryMarshal.Read<UInt128>(hash));
    }

    public static TraceDigest Of(string json) => Of(Encoding.UTF8.GetBytes(json));
}
