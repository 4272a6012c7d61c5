namespace ClawLearn.Wiki;

/// <summary>
/// A page file in three parts: frontmatter, the generated block between the markers, and the user's text around it.
/// A file without markers is all user text (the generated block is then put on top of it). <see cref="BrokenMarkers"/>
/// says a begin marker has no end marker after it (or an end marker no begin before it): where the generated part ends
/// is then unknown, so the page is left alone; taken for a page without markers, it would get a new block on top of the
/// old one on every run.
/// </summary>
public sealed record PageFile(Frontmatter? Frontmatter, string Before, string? Generated, string After, bool BrokenMarkers = false)
{
    public const string BeginMarker =
        "<!-- clawlearn:begin (generated from OpenClaw history by clawlearn wiki: this part is replaced on every run; write your own notes outside the markers) -->";
    public const string EndMarker = "<!-- clawlearn:end -->";

    public bool HasMarkers => Generated is not null;

    public bool HasUserText => Before.Trim().Length > 0 || After.Trim().Length > 0;

    public static PageFile Parse(string text)
    {
        var (frontmatter, body) = Frontmatter.Split(text);
        var begin = FindLine(body, "<!-- clawlearn:begin", 0);
        var end = begin < 0 ? -1 : FindLine(body, EndMarker, begin);
        if (begin < 0 || end < 0) return new PageFile(frontmatter, "", null, body, BrokenMarkers: begin >= 0 || FindLine(body, EndMarker, 0) >= 0);
        var generatedStart = body.IndexOf('\n', begin) + 1;
        var afterStart = body.IndexOf('\n', end) is var nl && nl < 0 ? body.Length : nl + 1;
        return new PageFile(frontmatter, body[..begin], body[generatedStart..end], body[afterStart..]);
    }

    public string Render() =>
        (Frontmatter?.Render() ?? "") + Before + BeginMarker + "\n" + (Generated ?? "") + EndMarker + "\n" + After;

    private static int FindLine(string text, string prefix, int from)
    {
        for (var i = text.IndexOf(prefix, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || text[i - 1] == '\n') return i;
        }
        return -1;
    }
}
