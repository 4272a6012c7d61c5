namespace ClawLearn.Wiki;

/// <summary>How a source compares with the manifest (openclaw-formats B7).</summary>
public enum DeltaStatus
{
    /// <summary>On disk, not in the manifest.</summary>
    New,
    /// <summary>In the manifest with another content hash.</summary>
    Modified,
    /// <summary>Newer modification time, same content hash: skipped.</summary>
    Touched,
    /// <summary>Same content (and, for files, the same size and time).</summary>
    Unchanged,
    /// <summary>In the manifest, gone from disk.</summary>
    Deleted,
}
