namespace ClawLearn.Workspace;

/// <summary>A bootstrap file that exists in a workspace and is non-empty after trimming trailing whitespace.</summary>
public sealed record BootstrapFile(string Name, string Path, int Priority, TruncatedContent Content)
{
    public string ArmId => $"file:workspace:{Name}";
}
