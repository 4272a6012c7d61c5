using System.Buffers;

namespace ClawLearn;

/// <summary>Growing an array rented from <see cref="ArrayPool{T}.Shared"/> without losing what it holds.</summary>
internal static class PooledArray
{
    /// <summary>
    /// Makes <paramref name="array"/> (empty, or rented from the shared pool) hold at least <paramref name="needed"/>
    /// items: when it is too small, a rented array at least twice its size (and at least <paramref name="minimum"/>)
    /// takes its first <paramref name="used"/> items, and the old one goes back to the pool.
    /// </summary>
    public static void Grow<T>(ref T[] array, int used, int needed, int minimum = 0)
    {
        if (needed <= array.Length) return;
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Max(minimum, array.Length * 2)));
        array.AsSpan(0, used).CopyTo(bigger);
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }
}
