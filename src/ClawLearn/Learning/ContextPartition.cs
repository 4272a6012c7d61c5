namespace ClawLearn.Learning;

/// <summary>
/// Whether posteriors are kept per context (learning-layer 1.3's context, and qortex's context hash): one per arm
/// (the default), or one per arm and channel, or per arm and model.
/// </summary>
public enum ContextPartition
{
    None,
    Channel,
    Model,
}

/// <summary>The partition a trace belongs to.</summary>
public static class ContextPartitions
{
    public const string Unknown = "(unknown)";

    public static string KeyOf(RunTrace trace, ContextPartition by) => by switch
    {
        ContextPartition.Channel => trace.Context.Channel ?? Unknown,
        ContextPartition.Model => trace.Context.Model ?? Unknown,
        _ => "",
    };
}
