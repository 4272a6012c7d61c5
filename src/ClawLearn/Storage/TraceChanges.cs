using ClawLearn.Learning;

namespace ClawLearn.Storage;

/// <summary>
/// What a sync changes, the same for every engine: given the stored ingest traces' digests, a new trace is added, a
/// stored one whose bytes differ is changed (an equal one is left alone), and the stored ones the sync never sees
/// again are removed.
/// </summary>
internal sealed class TraceChanges(Dictionary<string, TraceDigest> stored)
{
    public int Added { get; private set; }
    public int Changed { get; private set; }

    /// <summary>The traces to write (added or changed), each struck off the stored set as it is seen.</summary>
    public IEnumerable<(RunTrace Trace, byte[] Bytes)> ToWrite(IEnumerable<(RunTrace Trace, byte[] Bytes)> encoded)
    {
        foreach (var (trace, bytes) in encoded)
        {
            if (stored.Remove(trace.TraceId, out var old))
            {
                if (old == TraceDigest.Of(bytes)) continue;
                Changed++;
            }
            else
            {
                Added++;
            }
            yield return (trace, bytes);
        }
    }

    /// <summary>After <see cref="ToWrite"/> is consumed: the stored traces to remove.</summary>
    public IReadOnlyCollection<string> Removed => stored.Keys;
}
