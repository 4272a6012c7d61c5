namespace ClawLearn.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something failed while working (I/O error, unreadable store).</summary>
    public const int Failure = 1;
    /// <summary>The input is wrong: bad arguments, a config syntax error, a missing state directory.</summary>
    public const int BadInput = 2;
}
