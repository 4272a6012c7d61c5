namespace ClawLearn.Ingest;

/// <summary>
/// Runs <c>work(state, i)</c> for i = 0 … count-1 on a few worker threads and hands the results back strictly in
/// index order through <see cref="Take"/>, so the single consumer sees exactly the sequence a sequential loop would.
/// Workers run at most <c>window</c> items ahead of the consumer: memory is bounded by the results of that many
/// items, however many there are. Each worker has its own state (e.g. its own SQLite connections); an exception
/// in a work item is rethrown by <see cref="Take"/> for that item. Waiting blocks without spinning: on a machine
/// with as many workers as cores, a spinning consumer would take CPU from the workers it waits for.
/// </summary>
internal sealed class OrderedParallel<TState, TResult> : IDisposable where TState : IDisposable
{
    private readonly int _count;
    private readonly int _window;
    private readonly Func<TState> _state;
    private readonly Func<TState, int, TResult> _work;
    private readonly TResult?[] _results;
    private readonly Exception?[] _errors;
    private readonly bool[] _done;
    private readonly object _gate = new(); // Monitor.Wait and Pulse need a monitor, not a System.Threading.Lock
    private readonly Thread[] _threads;
    private int _next; // the next index a worker takes
    private int _taken; // the next index the consumer takes
    private bool _stopped;
    private int _consumerNeeds = -1; // the index the consumer is blocked on, if any
    private int _consumerWakesAt = -1; // and the later index it sleeps until as well
    // A consumer that has to wait sleeps until a few more items are done too: one wake-up (a system call or two)
    // per batch of items instead of one per item, at the cost of lagging a batch behind, which a consumer that
    // only writes down results can afford.
    private const int WakeBatch = 16;
    private int _workersWaiting; // workers blocked because the window is full

    public OrderedParallel(int count, int workers, int window, Func<TState> state, Func<TState, int, TResult> work)
    {
        _count = count;
        _window = Math.Max(1, window);
        _state = state;
        _work = work;
        _results = new TResult?[count];
        _errors = new Exception?[count];
        _done = new bool[count];
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
        lock (_gate)
        {
            if (index != _taken) throw new InvalidOperationException($"items are taken in order: expected {_taken}, got {index}");
            while (!_done[index])
            {
                // Never past the window: items beyond it cannot start until this one is taken.
                (_consumerNeeds, _consumerWakesAt) = (index, Math.Min(index + Math.Min(WakeBatch, _window) - 1, _count - 1));
                Monitor.Wait(_gate);
            }
            (_consumerNeeds, _consumerWakesAt) = (-1, -1);
            var (result, error) = (_results[index], _errors[index]);
            (_results[index], _errors[index]) = (default, null); // let the result be collected
            _taken++;
            // Threads are woken only when someone waits: a wake-up is a system call.
            if (_workersWaiting > 0) Monitor.PulseAll(_gate); // a slot in the window is free
            if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            return result!;
        }
    }

    private void Run()
    {
        using var state = _state();
        while (true)
        {
            int i;
            lock (_gate)
            {
                // Indices are handed out in order, so the item the consumer waits for is always taken (or free to take).
                while (!_stopped && _next < _count && _next - _taken >= _window)
                {
                    _workersWaiting++;
                    Monitor.Wait(_gate);
                    _workersWaiting--;
                }
                if (_stopped || _next >= _count) return;
                i = _next++;
            }
            TResult? result = default;
            Exception? error = null;
            try
            {
                result = _work(state, i);
            }
            catch (Exception e)
            {
                error = e;
            }
            lock (_gate)
            {
                (_results[i], _errors[i], _done[i]) = (result, error, true);
                // Whichever of the two items the consumer sleeps on is done last wakes it: it cannot be missed.
                if ((i == _consumerNeeds || i == _consumerWakesAt) && _done[_consumerNeeds] && _done[_consumerWakesAt]) Monitor.PulseAll(_gate);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var thread in _threads) thread.Join();
    }
}
