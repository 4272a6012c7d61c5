namespace ClawLearn.Learning;

/// <summary>
/// The three-tier guard (trace-contract 7): a trace updates nothing when the run was aborted, ended in an error,
/// or called no tool other than <c>message</c> (a conversational turn: "hello" must not poison every arm).
/// Decided from the trace alone, so posteriors stay a function of stored traces.
/// </summary>
public static class ObservationGuard
{
    public static bool Observes(RunTrace trace)
    {
        if (trace.Aborted || trace.Error is not null) return false;
        foreach (var arm in trace.Arms)
        {
            if (!arm.Referenced || !arm.ArmId.StartsWith("tool:", StringComparison.Ordinal)) continue;
            if (ArmId.Parse(arm.ArmId) is { } id && id.Id != "message") return true;
        }
        return false;
    }
}
