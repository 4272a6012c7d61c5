namespace ClawLearn.StateDir;

/// <summary>The state directory and the config file ClawLearn will read, and how each was chosen.</summary>
public sealed record ResolvedStateDir(string Path, StateDirSource Source, string ConfigPath, string Home)
{
    public bool Exists => Directory.Exists(Path);
}
