using System.Buffers;

namespace ClawLearn.Selection;

/// <summary>
/// Per-arm scratch for one selection, rented from the shared pools and returned on dispose, so a selection over many
/// arms allocates only what it returns (the previous per-call arrays were most of its garbage, and Gen0 collections
/// showed up as its p99).
/// </summary>
internal readonly struct SelectionWorkspace : IDisposable
{
    private readonly int[] _costs;
    private readonly byte[] _groups;
    private readonly double[] _alphas;
    private readonly double[] _betas;
    private readonly double[] _draws;
    private readonly int[] _order;
    private readonly bool[] _included;

    public SelectionWorkspace(int count)
    {
        Count = count;
        _costs = ArrayPool<int>.Shared.Rent(count);
        _groups = ArrayPool<byte>.Shared.Rent(count);
        _alphas = ArrayPool<double>.Shared.Rent(count);
        _betas = ArrayPool<double>.Shared.Rent(count);
        _draws = ArrayPool<double>.Shared.Rent(count);
        _order = ArrayPool<int>.Shared.Rent(count);
        _included = ArrayPool<bool>.Shared.Rent(count);
    }

    public int Count { get; }

    public Span<int> Costs => _costs.AsSpan(0, Count);

    /// <summary>0 seed and under-explored, 1 seed, 2 under-explored, 3 neither: the packing order of the groups.</summary>
    public Span<byte> Groups => _groups.AsSpan(0, Count);

    /// <summary>The Beta shapes each arm draws from: its posterior's, or its prior's.</summary>
    public Span<double> Alphas => _alphas.AsSpan(0, Count);

    public Span<double> Betas => _betas.AsSpan(0, Count);

    public Span<double> Draws => _draws.AsSpan(0, Count);

    public Span<int> Order => _order.AsSpan(0, Count);

    public Span<bool> Included => _included.AsSpan(0, Count);

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_costs);
        ArrayPool<byte>.Shared.Return(_groups);
        ArrayPool<double>.Shared.Return(_alphas);
        ArrayPool<double>.Shared.Return(_betas);
        ArrayPool<double>.Shared.Return(_draws);
        ArrayPool<int>.Shared.Return(_order);
        ArrayPool<bool>.Shared.Return(_included);
    }
}
