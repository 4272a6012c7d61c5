namespace ClawLearn.Workspace;

/// <summary>
/// OpenClaw's per-file bootstrap truncation (<c>trimBootstrapContent</c>, openclaw-formats A5), to the character:
/// trim trailing whitespace; if longer than <c>max</c>, keep <c>floor(max*0.7)</c> head and <c>floor(max*0.2)</c>
/// tail characters around a two-line marker. Lengths are UTF-16 code units, as in JavaScript.
/// </summary>
public static class BootstrapTruncation
{
    public static TruncatedContent Apply(string content, string fileName, int maxChars)
    {
        if (maxChars < 1) maxChars = Config.OpenClawConfig.DefaultBootstrapMaxChars;
        var trimmed = content.TrimEnd();
        if (trimmed.Length <= maxChars)
            return new TruncatedContent(trimmed, trimmed.Length, false, trimmed.Length, 0);

        var head = (int)Math.Floor(maxChars * 0.7);
        var tail = (int)Math.Floor(maxChars * 0.2);
        var marker = $"\n[...truncated, read {fileName} for full content...]\n\u2026(truncated {fileName}: kept {head}+{tail} chars of {trimmed.Length})\u2026\n";
        var injected = trimmed[..head] + "\n" + marker + "\n" + trimmed[^tail..];
        return new TruncatedContent(injected, trimmed.Length, true, head, tail);
    }
}
