using System.Collections.Concurrent;

namespace ClawLearn.Storage;

/// <summary>
/// A store's arm dictionary held in memory: arm id to the number stored traces use for it, and back. Stored traces
/// name their arms by number (a run offers a hundred arms or more, and the same few hundred ids recur in every
/// trace). Read from any thread; numbers are added by the store's own thread as it registers arms.
/// </summary>
internal sealed class ArmNumbers
{
    private readonly ConcurrentDictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private volatile string?[] _ids = new string?[64];
    private readonly Lock _gate = new();

    public bool TryGetNumber(string armId, out int number) => _numbers.TryGetValue(armId, out number);

    /// <summary>The arm id for a number, or null when this copy of the dictionary does not have it (yet).</summary>
    public string? IdOf(int number)
    {
        var ids = _ids;
        return (uint)number < (uint)ids.Length ? ids[number] : null;
    }

    public void Add(int number, string armId)
    {
        lock (_gate)
        {
            var ids = _ids;
            if (number >= ids.Length)
            {
                Array.Resize(ref ids, Math.Max(number + 1, ids.Length * 2));
            }
            ids[number] = armId;
            _ids = ids;
            _numbers[armId] = number;
        }
    }

    /// <summary>Forgets every number: after a rolled-back transaction, some may name rows that were never committed.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _numbers.Clear();
            _ids = new string?[64];
        }
    }
}
