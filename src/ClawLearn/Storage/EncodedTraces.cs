using ClawLearn.Learning;

namespace ClawLearn.Storage;

/// <summary>
/// Traces with their stored bytes, for a store's sync: the next chunk is taken from <c>traces</c> and encoded on other
/// threads (every core) while the store writes the chunk before, so making the traces (ingest builds them lazily, in
/// parallel) overlaps the writes too. Two chunks are alive at once: a run can offer a hundred arms or more. A trace
/// naming an arm the store has not numbered yet comes back unencoded and is encoded by the caller's
/// <c>encodeHere</c> on the consuming thread, which may register the arm with the store.
/// </summary>
internal static class EncodedTraces
{
    private const int Chunk = 256;

    /// <remarks><paramref name="traces"/> is enumerated off the calling thread (one step at a time): it must not use the store.</remarks>
    public static IEnumerable<(RunTrace Trace, byte[] Bytes)> Pipelined(IEnumerable<RunTrace> traces, ArmNumbers arms, Func<RunTrace, byte[]> encodeHere)
    {
        using var chunks = traces.Chunk(Chunk).GetEnumerator();
        var pending = NextLater(chunks, arms);
        try
        {
            while (pending.GetAwaiter().GetResult() is ({ } chunk, var encoded))
            {
                pending = NextLater(chunks, arms);
                for (var k = 0; k < chunk.Length; k++) yield return (chunk[k], encoded[k] ?? encodeHere(chunk[k]));
            }
        }
        finally
        {
            // The enumerator is disposed only once no task is moving it (a consumer may stop early, or throw).
            pending.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
    }

    private static Task<(RunTrace[]? Chunk, byte[]?[] Bytes)> NextLater(IEnumerator<RunTrace[]> chunks, ArmNumbers arms) => Task.Run(() =>
    {
        if (!chunks.MoveNext()) return (null, []);
        var chunk = chunks.Current;
        var results = new byte[]?[chunk.Length];
        Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = TraceCodec.Encode(chunk[i], arms));
        return ((RunTrace[]?)chunk, results);
    });
}
