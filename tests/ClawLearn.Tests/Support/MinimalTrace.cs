using ClawLearn.Learning;

namespace ClawLearn.Tests.Support;

/// <summary>The smallest valid trace (one arm, no usage), for store tests that need a row and nothing more.</summary>
public static class MinimalTrace
{
    public static readonly RunTrace Trace = new("tr_1", "run_1", "s1", null, 1000, null, null, null, true, new TraceContext(null, null, null, null),
        [new ArmOutcome("tool:fs:read", true, true, 10)], null, null, 0, false, null);
}
