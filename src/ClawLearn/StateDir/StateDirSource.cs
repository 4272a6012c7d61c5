namespace ClawLearn.StateDir;

/// <summary>How the state directory was found; shown to the user so a surprising choice can be explained.</summary>
public enum StateDirSource
{
    CommandLine,
    Environment,
    Default,
    Legacy,
}
