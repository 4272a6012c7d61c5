using ClawLearn.Learning;

namespace ClawLearn.Storage;

/// <summary>
/// Traces with their stored bytes, for a store's sync: encoded a chunk at a time on every core while the store
/// writes the chunk before (two chunks alive at once: a run can offer a hundred arms or more). A trace naming an arm
/// the store has not numbered yet comes back from the other threads unencoded and is encoded by the caller's
/// <c>encodeHere</c> on the consuming thread, which may register the arm with the store.
/// </summary>
internal static class EncodedTraces
{
    private const int Chunk = 256;

    public static IEnumerable<(RunTrace Trace, byte[] Bytes)> Pipelined(IEnumerable<RunTrace> traces, ArmNumbers arms, Func<RunTrace, byte[]> encodeHere)
    {
        using var chunks = traces.Chunk(Chunk).GetEnumerator();
        var pending = chunks.MoveNext() ? (Chunk: chunks.Current, Bytes: EncodeLater(chunks.Current, arms)) : default;
        while (pending.Chunk is { } chunk)
        {
            var encoded = pending.Bytes.GetAwaiter().GetResult();
            pending = chunks.MoveNext() ? (chunks.Current, EncodeLater(chunks.Current, arms)) : default;
            for (var k = 0; k < chunk.Length; k++) yield return (chunk[k], encoded[k] ?? encodeHere(chunk[k]));
        }
    }

    private static Task<byte[]?[]> EncodeLater(RunTrace[] chunk, ArmNumbers arms) => Task.Run(() =>
    {
        var results = new byte[]?[chunk.Length];
        Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = TraceCodec.Encode(chunk[i], arms));
        return results;
    });
}
