namespace ClawLearn.Learning;

/// <summary>The kinds of stored learning event.</summary>
public enum LearningEventKind
{
    /// <summary>A manual reward: <c>clawlearn reward ARM accepted|rejected</c>.</summary>
    Reward,
    /// <summary>A reset of some arms (or all, when <see cref="LearningEvent.ArmIds"/> is empty) back to their prior.</summary>
    Reset,
}

/// <summary>
/// A manual reward or a reset, stored so posteriors stay a pure function of traces plus events. Events apply in
/// time order together with traces (an event at the same time as a trace comes after it).
/// </summary>
public sealed record LearningEvent(long Id, LearningEventKind Kind, long TimestampMs, IReadOnlyList<string> ArmIds, double Reward, string? Reason);
