using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

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

    private volatile int _generation; // bumped by Clear: numbers cached before it are void

    // A sync encodes every trace's arms, a hundred or more a trace, and they are the same few hundred string instances
    // (the builder makes each id once): found by reference first, in a cache of the encoding thread's own, no id's
    // characters are hashed again.
    [ThreadStatic] private static ReferenceCache? t_cache;

    private sealed class ReferenceCache(ArmNumbers owner, int generation)
    {
        public const int Capacity = 8192;
        public ArmNumbers Owner { get; } = owner;
        public int Generation { get; } = generation;
        public Dictionary<string, int> Numbers { get; } = new(ReferenceEqualityComparer.Instance);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // for every arm of every trace encoded
    public bool TryGetNumber(string armId, out int number)
    {
        var generation = _generation;
        var cache = t_cache;
        if (cache is null || cache.Owner != this || cache.Generation != generation) t_cache = cache = new ReferenceCache(this, generation);
        if (cache.Numbers.TryGetValue(armId, out number)) return true;
        if (!_numbers.TryGetValue(armId, out number)) return false;
        if (cache.Numbers.Count < ReferenceCache.Capacity) cache.Numbers[armId] = number;
        return true;
    }

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
            _generation++; // after the clear: a lookup that sees the new generation cannot find a pre-Clear number
        }
    }
}
