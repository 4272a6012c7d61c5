using System.Globalization;
using System.Text;

namespace ClawLearn.Wiki;

/// <summary>
/// Writes a page's generated markdown and counts its claims by provenance as they are written, so the frontmatter's
/// <c>provenance:</c> fractions describe exactly the bullets on the page. Links are collected too: every page must link
/// to at least two others.
/// </summary>
public sealed class PageBody
{
    private readonly StringBuilder _sb = new();
    private readonly HashSet<string> _links = new(StringComparer.Ordinal);
    private int _extracted, _inferred, _ambiguous;

    public IReadOnlyCollection<string> Links => _links;

    public Provenance Provenance => Provenance.From(_extracted, _inferred, _ambiguous);

    public PageBody Heading(int level, string text)
    {
        if (_sb.Length > 0 && !EndsWithBlankLine()) _sb.Append('\n');
        _sb.Append('#', level).Append(' ').Append(Inline(text)).Append("\n\n");
        return this;
    }

    public PageBody Paragraph(string text)
    {
        _sb.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>A bullet that states something, with its provenance marker (none for extracted claims).</summary>
    public PageBody Claim(string text, ClaimKind kind = ClaimKind.Extracted)
    {
        _sb.Append("- ").Append(text);
        switch (kind)
        {
            case ClaimKind.Inferred: _sb.Append(" ^[inferred]"); _inferred++; break;
            case ClaimKind.Ambiguous: _sb.Append(" ^[ambiguous]"); _ambiguous++; break;
            default: _extracted++; break;
        }
        _sb.Append('\n');
        return this;
    }

    /// <summary>A bullet that only points somewhere (navigation), not counted as a claim.</summary>
    public PageBody Bullet(string text)
    {
        _sb.Append("- ").Append(text).Append('\n');
        return this;
    }

    public PageBody EndList()
    {
        _sb.Append('\n');
        return this;
    }

    public PageBody Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _sb.Append("| ").AppendJoin(" | ", headers).Append(" |\n|");
        foreach (var _ in headers) _sb.Append("---|");
        _sb.Append('\n');
        foreach (var row in rows) _sb.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        _sb.Append('\n');
        return this;
    }

    /// <summary>A wikilink to a page (by vault path), with a label when the file name is not what a reader should see.</summary>
    public string Link(string vaultPath, string? label = null)
    {
        var name = PageNames.LinkName(vaultPath);
        _links.Add(name);
        return label is null || label == name ? $"[[{name}]]" : $"[[{name}|{Inline(label)}]]";
    }

    /// <summary>A wikilink for a table cell: no label (a <c>|</c> would end the cell).</summary>
    public string CellLink(string vaultPath)
    {
        var name = PageNames.LinkName(vaultPath);
        _links.Add(name);
        return $"[[{name}]]";
    }

    public override string ToString() => _sb.ToString().TrimEnd('\n') + "\n";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 run", "3 runs": a count and a noun that takes a plain -s.</summary>
    public static string Count(long value, string noun) => $"{Count(value)} {noun}{(value == 1 ? "" : "s")}";

    /// <summary>Lines joined into one: a line that ends a sentence is followed by a space, others by "; ".</summary>
    public static string Join(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (sb.Length > 0) sb.Append(sb[^1] is '.' or '!' or '?' or ':' ? " " : "; ");
            sb.Append(line);
        }
        return sb.ToString();
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    /// <summary>"2026-01 to 2026-02", or just "2026-02" when both ends are the same.</summary>
    public static string Span(string first, string last) => first == last ? first : $"{first} to {last}";

    /// <summary>Text safe inside a line: no line breaks, no accidental wikilink or HTML comment.</summary>
    public static string Inline(string text) =>
        text.Replace('\n', ' ').Replace('\r', ' ').Replace("[[", "[ [", StringComparison.Ordinal).Replace("]]", "] ]", StringComparison.Ordinal)
            .Replace("<!--", "<!-", StringComparison.Ordinal);

    private bool EndsWithBlankLine() => _sb.Length >= 2 && _sb[^1] == '\n' && _sb[^2] == '\n';

    private static string Cell(string text) => text.Contains("[[", StringComparison.Ordinal) ? text : Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
