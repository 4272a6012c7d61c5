namespace ClawLearn.StateDir;

/// <summary>A file or folder ClawLearn saw and deliberately did not read, with the reason.</summary>
public sealed record NotReadEntry(string RelativePath, string Reason);
