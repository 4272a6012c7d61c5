using ClawLearn.Ingest;

namespace ClawLearn.Tests.Learning;

public class OrderedParallelTests
{
    private sealed class Worker : IDisposable
    {
        public static int Disposed;
        public void Dispose() => Interlocked.Increment(ref Disposed);
    }

    [Fact]
    public void Results_come_back_in_index_order_however_long_each_item_takes_and_never_too_far_ahead()
    {
        var started = new int[500];
        var maxAhead = 0;
        var taken = 0;
        using (var pool = new OrderedParallel<Worker, int>(500, 4, 8, () => new Worker(), (_, i) =>
        {
            Interlocked.Exchange(ref started[i], 1);
            var ahead = i - Volatile.Read(ref taken);
            int seen;
            while ((seen = Volatile.Read(ref maxAhead)) < ahead && Interlocked.CompareExchange(ref maxAhead, ahead, seen) != seen) { }
            Thread.SpinWait(i % 7 == 0 ? 20_000 : 10);
            return i * 2;
        }))
        {
            for (var i = 0; i < 500; i++)
            {
                Assert.Equal(i * 2, pool.Take(i));
                Volatile.Write(ref taken, i + 1);
            }
        }
        Assert.All(started, s => Assert.Equal(1, s));
        Assert.True(maxAhead <= 8, $"ran {maxAhead} items ahead of the consumer");
    }

    [Fact]
    public void An_exception_is_rethrown_for_its_item_and_the_workers_stop()
    {
        var before = Worker.Disposed;
        var pool = new OrderedParallel<Worker, int>(100, 2, 4, () => new Worker(), (_, i) => i == 3 ? throw new IOException("boom") : i);
        for (var i = 0; i < 3; i++) Assert.Equal(i, pool.Take(i));
        Assert.Equal("boom", Assert.Throws<IOException>(() => pool.Take(3)).Message);
        pool.Dispose();
        Assert.True(Worker.Disposed - before >= 2, "every worker disposes its state");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(40, 5)]
    public void A_window_smaller_than_the_consumer_s_wake_up_batch_never_deadlocks(int count, int window)
    {
        using var pool = new OrderedParallel<Worker, int>(count, 3, window, () => new Worker(), (_, i) =>
        {
            Thread.SpinWait((count - i) * 1000); // later items finish first
            return -i;
        });
        for (var i = 0; i < count; i++) Assert.Equal(-i, pool.Take(i));
    }

    [Fact]
    public void No_items_start_no_workers() =>
        new OrderedParallel<Worker, int>(0, 4, 8, () => throw new InvalidOperationException("no worker expected"), (_, i) => i).Dispose();
}
