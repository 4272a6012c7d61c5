namespace ClawLearn.Wiki;

/// <summary>A source of this run with its delta status and what the manifest records about it.</summary>
public sealed record SourceState(WikiSource Source, DeltaStatus Status, string Hash, long SizeBytes, string ModifiedAt)
{
    public bool Changed => Status is DeltaStatus.New or DeltaStatus.Modified;
}
