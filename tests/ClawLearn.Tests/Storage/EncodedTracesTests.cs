using System.Collections;
using ClawLearn.Learning;
using ClawLearn.Storage;

namespace ClawLearn.Tests.Storage;

/// <summary>
/// The sync pipeline takes traces and encodes them on other threads, ahead of the writes: everything comes out once,
/// in order, encoded as the codec encodes it, and the source is moved by one thread at a time and never after the
/// consumer is done with it, however the consumer stops.
/// </summary>
public sealed class EncodedTracesTests
{
    private static RunTrace Trace(int i, string arm) => new($"tr_{i}", $"run_{i}", "s", null, i, null, null, null, true,
        new TraceContext(null, null, null, null), [new ArmOutcome(arm, true, i % 2 == 0, i)], null, null, 0, false, null);

    private static ArmNumbers Numbered(string armId)
    {
        var numbers = new ArmNumbers();
        numbers.Add(1, armId);
        return numbers;
    }

    [Fact]
    public void Every_trace_comes_out_once_in_order_with_its_encoding()
    {
        var numbers = Numbered("tool:a");
        // Every 100th names an arm with no number yet: it is encoded by the consumer's own function.
        var traces = Enumerable.Range(0, 1000).Select(i => Trace(i, i % 100 == 7 ? "tool:new" : "tool:a")).ToList();
        var here = new List<string>();
        var output = EncodedTraces.Pipelined(traces, numbers, t => { here.Add(t.TraceId); return [42]; }).ToList();

        Assert.Equal(traces.Select(t => t.TraceId), output.Select(o => o.Trace.TraceId));
        Assert.Equal(Enumerable.Range(0, 10).Select(k => $"tr_{k * 100 + 7}"), here);
        foreach (var (trace, bytes) in output)
            Assert.Equal(trace.Arms[0].ArmId == "tool:a" ? TraceCodec.Encode(trace, numbers) : [42], bytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(256)] // the end of the first chunk
    [InlineData(300)]
    public void A_consumer_that_stops_early_leaves_the_source_idle_and_disposed(int taken)
    {
        var source = new WatchedTraces(Enumerable.Range(0, 2000).Select(i => Trace(i, "tool:a")));
        using (var e = EncodedTraces.Pipelined(source, Numbered("tool:a"), _ => throw new InvalidOperationException()).GetEnumerator())
        {
            for (var i = 0; i < taken; i++) Assert.True(e.MoveNext());
            // Stopped while the next chunk (256 traces) is being taken from the source on another thread.
            var next = (taken + 255) / 256 * 256;
            Assert.True(SpinWait.SpinUntil(() => source.Moves > next + 5, TimeSpan.FromSeconds(10)));
        }
        Assert.True(source.Disposed);
        Assert.False(source.MovedAfterDispose);
        Assert.False(source.MovedConcurrently);
    }

    [Fact]
    public void A_failure_making_the_traces_reaches_the_consumer()
    {
        IEnumerable<RunTrace> Failing()
        {
            for (var i = 0; i < 300; i++) yield return Trace(i, "tool:a");
            throw new InvalidDataException("bad facts");
        }
        var error = Assert.Throws<InvalidDataException>(() => EncodedTraces.Pipelined(Failing(), Numbered("tool:a"), _ => []).ToList());
        Assert.Equal("bad facts", error.Message);
    }

    // Records how its enumerator is used; each MoveNext is slow enough for overlapping calls to show.
    private sealed class WatchedTraces(IEnumerable<RunTrace> traces) : IEnumerable<RunTrace>
    {
        private int _moving, _moves;
        public int Moves => Volatile.Read(ref _moves);
        public bool Disposed { get; private set; }
        public bool MovedAfterDispose { get; private set; }
        public bool MovedConcurrently { get; private set; }

        public IEnumerator<RunTrace> GetEnumerator() => new Watcher(this, traces.GetEnumerator());
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Watcher(WatchedTraces owner, IEnumerator<RunTrace> inner) : IEnumerator<RunTrace>
        {
            public RunTrace Current => inner.Current;
            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (owner.Disposed) owner.MovedAfterDispose = true;
                if (Interlocked.Increment(ref owner._moving) > 1) owner.MovedConcurrently = true;
                Interlocked.Increment(ref owner._moves);
                Thread.SpinWait(2000);
                var moved = inner.MoveNext();
                Interlocked.Decrement(ref owner._moving);
                return moved;
            }

            public void Dispose()
            {
                if (owner._moving > 0) owner.MovedConcurrently = true;
                owner.Disposed = true;
                inner.Dispose();
            }

            public void Reset() => throw new NotSupportedException();
        }
    }
}
