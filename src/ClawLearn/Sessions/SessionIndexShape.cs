namespace ClawLearn.Sessions;

/// <summary>The three shapes of <c>sessions.json</c> (openclaw-formats A1).</summary>
public enum SessionIndexShape
{
    /// <summary>No file, or an empty one.</summary>
    None,
    /// <summary>The real store: an object keyed by session key.</summary>
    Map,
    /// <summary>The seed's simplified array of <c>{id, name, created_at, …}</c>.</summary>
    SeedArray,
    /// <summary><c>openclaw sessions --json</c>: <c>{path, count, sessions: [...]}</c>.</summary>
    CliExport,
}
