namespace ClawLearn.Workspace;

/// <summary>
/// OpenClaw's per-file bootstrap truncation (<c>trimBootstrapContent</c>, openclaw-formats A5), to the character:
/// trim trailing whitespace (JavaScript's <c>trimEnd</c>); if longer than <c>max</c>, keep <c>floor(max*0.7)</c>
/// head and <c>floor(max*0.2)</c> tail characters around a two-line marker. Lengths are UTF-16 code units, as in
/// JavaScript, and a tail of 0 keeps JavaScript's <c>slice(-0)</c> quirk (the whole text).
/// </summary>
public static class BootstrapTruncation
{
    public static TruncatedContent Apply(string content, string fileName, int maxChars)
    {
        if (maxChars < 1) maxChars = Config.OpenClawConfig.DefaultBootstrapMaxChars;
        var trimmed = JsTrimEnd(content);
        if (trimmed.Length <= maxChars)
            return new TruncatedContent(trimmed, trimmed.Length, false, trimmed.Length, 0);

        var head = (int)Math.Floor(maxChars * 0.7);
        var tail = (int)Math.Floor(maxChars * 0.2);
        var marker = $"\n[...truncated, read {fileName} for full content...]\n\u2026(truncated {fileName}: kept {head}+{tail} chars of {trimmed.Length})\u2026\n";
        var tailText = tail == 0 ? trimmed : trimmed[^tail..];
        var injected = trimmed[..head] + "\n" + marker + "\n" + tailText;
        return new TruncatedContent(injected, trimmed.Length, true, head, tail);
    }

    /// <summary>JavaScript's <c>String.prototype.trimEnd</c>: ECMAScript white space and line terminators
    /// (which include U+FEFF but, unlike .NET's <c>TrimEnd</c>, not U+0085).</summary>
    public static string JsTrimEnd(string text)
    {
        var end = text.Length;
        while (end > 0 && IsJsWhiteSpace(text[end - 1])) end--;
        return end == text.Length ? text : text[..end];
    }

    private static bool IsJsWhiteSpace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF'
        || c is >= '\u2000' and <= '\u200A';
}
