namespace ClawLearn.Storage;

/// <summary>What recording one trace did to the store.</summary>
public enum TraceWrite
{
    /// <summary>A new trace id.</summary>
    Added,
    /// <summary>The same id with the same content: nothing was written (a retried request is harmless).</summary>
    Unchanged,
    /// <summary>The same id with different content: the trace was replaced.</summary>
    Changed,
    /// <summary>The id belongs to another agent's trace in the same store: nothing was written.</summary>
    Conflict,
}
