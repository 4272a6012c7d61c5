namespace ClawLearn.Workspace;

/// <summary>
/// What OpenClaw injects for one bootstrap file. When <see cref="Truncated"/>, the characters
/// <c>[HeadChars, RawChars - TailChars)</c> of the trimmed file never reach the model.
/// </summary>
public sealed record TruncatedContent(string Injected, int RawChars, bool Truncated, int HeadChars, int TailChars)
{
    public int InjectedChars => Injected.Length;

    /// <summary>True when the trimmed-text range <c>[start, end)</c> lies wholly in the dropped middle.</summary>
    public bool Hides(int start, int end) => Truncated && start >= HeadChars && end <= RawChars - TailChars;
}
