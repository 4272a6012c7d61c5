namespace ClawLearn.Wiki;

/// <summary>
/// Reads markdown into an <see cref="Outline"/>: <c>#</c> is the title, <c>##</c> opens a section, <c>###</c> a
/// subsection (deeper headings become plain lines). Fenced code and HTML comments are left out, list markers are
/// stripped, and every line is redacted and clipped as it is read, so nothing unredacted is ever kept. Patterns that
/// span lines (a PEM key pasted without a fence) are redacted on the whole text first: line by line, only the BEGIN
/// line would match and the key's body would pass.
/// </summary>
public static class OutlineParser
{
    public const int MaxLineChars = 300;

    public static Outline Parse(string markdown)
    {
        string? title = null;
        var preamble = new List<string>();
        var sections = new List<Builder>();
        Builder? h2 = null, h3 = null;
        var inFence = false;
        var inComment = false;
        foreach (var raw in Redactor.RedactBlocks(markdown.Replace("\r\n", "\n")).Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) continue;
            if (inComment || trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !trimmed.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal) && title is null && h2 is null) { title = Clean(line[2..]); continue; }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                h2 = new Builder(Clean(line[3..]), 2);
                h3 = null;
                sections.Add(h2);
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                h3 = new Builder(Clean(line[4..]), 3);
                if (h2 is null) sections.Add(h3);
                else h2.Children.Add(h3);
                continue;
            }
            if (ContentLine(trimmed) is not { } content) continue;
            (h3 ?? h2)?.Lines.Add(content);
            if (h2 is null && h3 is null) preamble.Add(content);
        }
        return new Outline(title, preamble, sections.Select(s => s.Build()).ToList());
    }

    /// <summary>A content line without list marker or heading hashes, redacted and clipped; null for blank lines and rules.</summary>
    public static string? ContentLine(string trimmed)
    {
        var span = trimmed.AsSpan().Trim();
        if (span.Length == 0 || span.Trim("-*_= ").Length == 0) return null;
        if (span[0] is '-' or '*' or '+' && span.Length > 1 && span[1] == ' ') span = span[2..].TrimStart();
        else if (OrderedMarker(span) is > 0 and var n) span = span[n..].TrimStart();
        if (span.StartsWith("[ ] ") || span.StartsWith("[x] ")) span = span[4..];
        span = span.TrimStart('#').TrimStart();
        return span.Length == 0 ? null : Clean(span.ToString());
    }

    private static string Clean(string text) => ChatText.Clip(Redactor.Redact(text.Trim()), MaxLineChars);

    private static int OrderedMarker(ReadOnlySpan<char> span)
    {
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits])) digits++;
        return digits > 0 && digits + 1 < span.Length && span[digits] is '.' or ')' && span[digits + 1] == ' ' ? digits + 1 : 0;
    }

    private sealed class Builder(string heading, int level)
    {
        public List<string> Lines { get; } = [];
        public List<Builder> Children { get; } = [];
        public OutlineSection Build() => new(heading, level, Lines, Children.Select(c => c.Build()).ToList());
    }
}
