using System.Buffers;

namespace ClawLearn.Selection;

/// <summary>
/// Thompson's packing order as a radix sort: by group (seeds, then under-explored), then by draw, highest first, exact
/// ties in input order. A comparison sort of 1,000 draws took about 45 µs, a third of a whole selection; this takes a
/// few. Each arm gets a 24-bit key, the group in the top two bits and the draw's sign, exponent and upper 12 mantissa
/// bits below them (draws lie in [0, 1], so the bits order like the values). A stable LSD pass per key byte that is
/// not the same for every arm sorts the keys; arms whose keys tie (draws within about 2⁻¹² of each other, relatively)
/// are then put in full-precision order, so close and tiny draws keep their order. Three passes of a 32-bit key cost
/// more than the extra ties.
/// </summary>
internal static class DrawOrder
{
    private const uint OneHigh = 0x3FF00000; // upper 32 bits of 1.0

    // Below this many arms (a real inventory has 30 to 100) the 256-entry histograms cost more than they save.
    private const int SmallCount = 64;

    // Longer runs of arms whose keys tie are sorted by comparison rather than by insertion.
    private const int LongRun = 16;

    /// <summary>Writes the order into <paramref name="order"/>; <paramref name="groups"/> are 0–3, first group first.</summary>
    public static void Sort(ReadOnlySpan<double> draws, ReadOnlySpan<byte> groups, Span<int> order)
    {
        var count = draws.Length;
        if (count <= SmallCount)
        {
            InsertionSort(draws, groups, order);
            return;
        }
        // Each item is its key in the upper half and its arm's index in the lower, so a pass moves one word per arm.
        var pool = ArrayPool<ulong>.Shared;
        var itemsA = pool.Rent(count);
        var itemsB = pool.Rent(count);
        try
        {
            Span<int> histograms = stackalloc int[3 * 256];
            var items = itemsA.AsSpan(0, count);
            for (var i = 0; i < count; i++)
            {
                var key = ((uint)groups[i] << 22) | ((OneHigh - High(draws[i])) >> 8);
                items[i] = ((ulong)key << 32) | (uint)i;
                histograms[(int)(key & 0xFF)]++;
                histograms[256 + (int)((key >> 8) & 0xFF)]++;
                histograms[512 + (int)(key >> 16)]++;
            }

            var other = itemsB.AsSpan(0, count);
            for (var pass = 0; pass < 3; pass++)
            {
                var counts = histograms.Slice(pass * 256, 256);
                var shift = 32 + pass * 8;
                if (counts[(int)((items[0] >> shift) & 0xFF)] == count) continue; // one value for every arm: nothing to do
                var offset = 0;
                for (var b = 0; b < 256; b++)
                {
                    var c = counts[b];
                    counts[b] = offset;
                    offset += c;
                }
                foreach (var item in items) other[counts[(int)((item >> shift) & 0xFF)]++] = item;
                var swap = items;
                items = other;
                other = swap;
            }

            for (var k = 0; k < count; k++) order[k] = (int)(uint)items[k];
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && items[end] >> 32 == items[start] >> 32) end++;
                if (end - start > 1) ByDrawThenIndex(draws, order[start..end]);
                start = end;
            }
        }
        finally
        {
            pool.Return(itemsA);
            pool.Return(itemsB);
        }
    }

    // Stable, so arms with equal group and draw stay in input order.
    private static void InsertionSort(ReadOnlySpan<double> draws, ReadOnlySpan<byte> groups, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var j = i - 1;
            while (j >= 0 && (groups[order[j]] > groups[i] || (groups[order[j]] == groups[i] && draws[order[j]] < draws[i])))
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = i;
        }
    }

    // Draws outside [0, 1] (none come from a Beta) are clamped so the key arithmetic cannot wrap.
    private static uint High(double draw) =>
        draw > 0 ? (uint)(BitConverter.DoubleToUInt64Bits(Math.Min(draw, 1.0)) >> 32) : 0;

    // A run of tied keys is short (usually two arms) and already in input order: a stable insertion sort by draw. Draws
    // packed closer than the key's resolution (posteriors from very many pulls, or tens of thousands of arms) make long
    // runs, sorted by comparison.
    private static void ByDrawThenIndex(ReadOnlySpan<double> draws, Span<int> run)
    {
        if (run.Length > LongRun)
        {
            // Only the run's own draws are copied (a lambda cannot capture a span): copying every arm's draws for each long
            // run made a selection of 40,000 arms, whose Beta(3, 1) draws crowd near 1 into many long runs, take a minute.
            var pairs = ArrayPool<(double Draw, int Index)>.Shared.Rent(run.Length);
            try
            {
                var span = pairs.AsSpan(0, run.Length);
                for (var i = 0; i < run.Length; i++) span[i] = (draws[run[i]], run[i]);
                span.Sort(static (a, b) => a.Draw != b.Draw ? b.Draw.CompareTo(a.Draw) : a.Index.CompareTo(b.Index));
                for (var i = 0; i < run.Length; i++) run[i] = span[i].Index;
            }
            finally
            {
                ArrayPool<(double Draw, int Index)>.Shared.Return(pairs);
            }
            return;
        }
        for (var i = 1; i < run.Length; i++)
        {
            var item = run[i];
            var j = i - 1;
            while (j >= 0 && draws[run[j]] < draws[item])
            {
                run[j + 1] = run[j];
                j--;
            }
            run[j + 1] = item;
        }
    }
}
