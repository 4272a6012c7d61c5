using ClawLearn.Learning;
using ClawLearn.Status;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Status;

public sealed class ArmUsageTests
{
    private static RunTrace At(string id, long timestamp, params ArmOutcome[] arms) => MinimalTrace.Trace with { TraceId = id, Timestamp = timestamp, Arms = arms };

    private static ArmOutcome Hidden(string section) => new($"memory:{section}:main", Included: false, Referenced: false, 10);

    [Fact]
    public void The_hidden_list_follows_the_newest_trace_while_traces_keep_coming()
    {
        // A server asks between traces: what it was told must not outlive the next, newer trace.
        var usage = new ArmUsage();
        usage.Add(At("t2", 2000, Hidden("b"), Hidden("a"), new ArmOutcome("tool:fs:read", true, true, 5)));
        Assert.Equal(["memory:a:main", "memory:b:main"], usage.HiddenNow);
        Assert.True(usage.IsHidden("memory:a:main"));
        usage.Add(At("t3", 3000, Hidden("c")));
        Assert.Equal(["memory:c:main"], usage.HiddenNow);
        Assert.False(usage.IsHidden("memory:a:main"));
        usage.Add(At("t1", 1000, Hidden("late")));   // older, arriving late: does not replace it
        usage.Add(At("t0", 3000, Hidden("tie-lower"))); // same time, smaller id: older too
        Assert.Equal(["memory:c:main"], usage.HiddenNow);
        usage.Add(At("t4", 3000));                     // same time, larger id: newest, hides nothing
        Assert.Empty(usage.HiddenNow);
        Assert.Equal(["memory:a:main", "memory:b:main", "memory:c:main", "memory:late:main", "memory:tie-lower:main"], usage.NeverReferenced);
    }
}
