using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ClawLearn.Storage;

/// <summary>
/// A stored trace's JSON reduced to its length and a 128-bit hash, so a sync compares each new trace with the stored
/// one without holding every stored trace's JSON (a run offering a hundred arms is ~12 KB; an agent's history, the
/// better part of a gigabyte as strings).
/// </summary>
internal readonly record struct TraceDigest(int Length, UInt128 Hash)
{
    public static TraceDigest Of(string json)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(json.AsSpan()), hash);
        return new TraceDigest(json.Length, MemoryMarshal.Read<UInt128>(hash));
    }
}
