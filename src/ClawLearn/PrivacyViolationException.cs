namespace ClawLearn;

/// <summary>
/// Raised when code tries to open a file that the privacy boundary forbids. It signals a bug in ClawLearn,
/// never a user error: discovery skips such files before anything tries to open them.
/// </summary>
public sealed class PrivacyViolationException(string path, string reason)
    : InvalidOperationException($"refusing to read '{path}': {reason}")
{
    public string Path { get; } = path;
    public string Reason { get; } = reason;
}
