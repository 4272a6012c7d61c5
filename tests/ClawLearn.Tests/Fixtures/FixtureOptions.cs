namespace ClawLearn.Tests.Fixtures;

/// <summary>How <see cref="StateDirFixture"/> builds a state directory.</summary>
public readonly record struct FixtureOptions
{
    public FixtureOptions() { }

    /// <summary>
    /// Portable: no absolute paths anywhere (workspaces fall back to the state dir, <c>sessionFile</c> uses
    /// <c>~</c>), SQLite in rollback-journal mode, and forbidden files hold a harmless placeholder instead of a
    /// canary; this is how <c>samples/</c> is built.
    /// </summary>
    public bool Portable { get; init; }

    /// <summary>Write the SQLite store in WAL mode (the live-gateway layout). Default true.</summary>
    public bool SqliteWal { get; init; } = true;
}
