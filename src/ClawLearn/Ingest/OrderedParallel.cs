namespace ClawLearn.Ingest;

/// <summary>
/// Runs <c>work(state, i)</c> for i = 0 … count-1 on a few worker threads and hands the results back strictly in
/// index order through <see cref="Take"/>, so the single consumer sees exactly the sequence a sequential loop would.
/// Workers run at most <c>window</c> items ahead of the consumer: memory is bounded by the results of that many
/// items, however many there are. Each worker has its own state (e.g. its own SQLite connections); an exception
/// in a work item is rethrown by <see cref="Take"/> for that item.
/// </summary>
internal sealed class OrderedParallel<TState, TResult> : IDisposable where TState : IDisposable
{
    private readonly int _count;
    private readonly Func<TState> _state;
    private readonly Func<TState, int, TResult> _work;
    private readonly TaskCompletionSource<TResult>?[] _results;
    private readonly SemaphoreSlim _window;
    private readonly Thread[] _threads;
    private int _next = -1;
    private int _taken;
    private volatile bool _stopped;

    public OrderedParallel(int count, int workers, int window, Func<TState> state, Func<TState, int, TResult> work)
    {
        _count = count;
        _state = state;
        _work = work;
        _results = new TaskCompletionSource<TResult>?[count];
        for (var i = 0; i < count; i++) _results[i] = new TaskCompletionSource<TResult>();
        _window = new SemaphoreSlim(Math.Max(1, window));
        _threads = new Thread[count == 0 ? 0 : Math.Clamp(workers, 1, count)];
        for (var t = 0; t < _threads.Length; t++)
        {
            // Background threads: a consumer that dies never leaves the process waiting for them.
            _threads[t] = new Thread(Run) { IsBackground = true, Name = $"clawlearn-worker-{t}" };
            _threads[t].Start();
        }
    }

    /// <summary>The result of item <paramref name="index"/>; items must be taken in order 0, 1, 2, …</summary>
    public TResult Take(int index)
    {
        if (index != _taken) throw new InvalidOperationException($"items are taken in order: expected {_taken}, got {index}");
        try
        {
            return _results[index]!.Task.GetAwaiter().GetResult();
        }
        finally
        {
            // Its worker is done with the slot (setting it was its last touch): let the result be collected.
            _results[index] = null;
            _taken++;
            _window.Release();
        }
    }

    private void Run()
    {
        using var state = _state();
        while (true)
        {
            _window.Wait();
            if (_stopped) return;
            // Indices are handed out in order, so the item the consumer waits for is always taken (or free to take).
            var i = Interlocked.Increment(ref _next);
            if (i >= _count)
            {
                _window.Release();
                return;
            }
            var slot = _results[i]!;
            try
            {
                slot.SetResult(_work(state, i));
            }
            catch (Exception e)
            {
                slot.SetException(e);
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        if (_threads.Length > 0) _window.Release(_threads.Length);
        foreach (var thread in _threads) thread.Join();
        _window.Dispose();
    }
}
