using System.Text.Json;
using ClawLearn.Runs;

namespace ClawLearn.Storage;

/// <summary>
/// What replacing a session's run facts changes, the same for every engine: the earliest time of a run that was
/// added, removed or given other facts (its old time and its new one). Ingest re-reads a session's last run on
/// every append; when that run comes back the same, the traces before the new runs need no rebuild.
/// </summary>
internal sealed class FactChanges(Dictionary<int, byte[]> stored)
{
    private long? _earliest;

    /// <summary>The stored form of run facts: UTF-8 JSON.</summary>
    public static byte[] Serialize(RunFacts facts) => JsonSerializer.SerializeToUtf8Bytes(facts, LearningJsonContext.Default.RunFacts);

    /// <summary>Notes whether <paramref name="facts"/>, stored as <paramref name="json"/>, differ from what was stored.</summary>
    public void Compare(RunFacts facts, byte[] json)
    {
        if (stored.Remove(facts.UserIndex, out var old))
        {
            if (old.AsSpan().SequenceEqual(json)) return;
            Note(TimeOf(old));
        }
        Note(facts.Timestamp);
    }

    /// <summary>After every new run was passed to <see cref="Compare"/>: the earliest changed time, counting the stored runs now gone.</summary>
    public long? Earliest()
    {
        foreach (var old in stored.Values) Note(TimeOf(old));
        stored.Clear();
        return _earliest;
    }

    private void Note(long? time)
    {
        if (time is { } t && (_earliest is null || t < _earliest)) _earliest = t;
    }

    private static long? TimeOf(byte[] json) => StoredFacts.Read(json).Timestamp;
}
