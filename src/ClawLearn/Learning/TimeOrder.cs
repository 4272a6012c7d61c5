namespace ClawLearn.Learning;

/// <summary>
/// The one order in which history is applied (trace-contract 7): traces as given (timestamp, then trace id), with
/// each stored event (reward, reset) slotted in by its time; an event at the same millisecond as a trace comes after it.
/// </summary>
public static class TimeOrder
{
    public static void Apply(IEnumerable<RunTrace> tracesInOrder, IEnumerable<LearningEvent> events, Action<LearningEvent> onEvent, Action<RunTrace> onTrace)
    {
        var pending = new Queue<LearningEvent>(events.OrderBy(e => e.TimestampMs).ThenBy(e => e.Id));
        foreach (var trace in tracesInOrder)
        {
            while (pending.Count > 0 && pending.Peek().TimestampMs < trace.Timestamp) onEvent(pending.Dequeue());
            onTrace(trace);
        }
        while (pending.Count > 0) onEvent(pending.Dequeue());
    }
}
