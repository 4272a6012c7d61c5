using System.Text;
using System.Text.RegularExpressions;

namespace ClawLearn.Wiki;

/// <summary>
/// <c>index.md</c> in the wiki-setup template's form (B3): every page under its category's section as
/// <c>- [[page-name]] — One-line summary ( #tag1 #tag2)</c>, note the space after the parenthesis. A basename two
/// pages share is written as its vault path so the link stays unambiguous.
/// </summary>
public static partial class IndexFile
{
    public const string StampPrefix = "*This index is automatically maintained. Last updated: ";

    public static string Render(IEnumerable<IndexEntry> entries, DateTimeOffset now)
    {
        var list = entries.OrderBy(e => PageNames.LinkName(e.Path), StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
        var shared = list.GroupBy(e => PageNames.LinkName(e.Path), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder("---\ntitle: Wiki Index\n---\n\n# Wiki Index\n\n").Append(StampPrefix).Append(WikiDates.Iso(now)).Append("*\n");
        var sections = VaultLayout.Sections.Select(s => s.Section).ToList();
        if (list.Any(e => VaultLayout.SectionOf(e.Path) == "Other")) sections.Add("Other");
        foreach (var section in sections)
        {
            sb.Append("\n## ").Append(section).Append('\n');
            var inSection = list.Where(e => VaultLayout.SectionOf(e.Path) == section).ToList();
            if (inSection.Count > 0) sb.Append('\n');
            foreach (var entry in inSection) sb.Append(Line(entry, shared)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The text without its timestamp line, for telling whether anything but the time would change.</summary>
    public static string WithoutStamp(string? text) =>
        text is null ? "" : string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Where(l => !l.StartsWith(StampPrefix, StringComparison.Ordinal)));

    public static string Line(IndexEntry entry, IReadOnlySet<string> sharedNames)
    {
        var name = PageNames.LinkName(entry.Path);
        var target = sharedNames.Contains(name) ? entry.Path[..^3] : name;
        var tags = entry.Tags.Select(t => NotTag().Replace(t, "-")).Where(t => t.Trim('-').Length > 0).Take(5).ToList();
        if (tags.Count == 0) tags.Add("untagged");
        return $"- [[{target}]] — {Summary(entry)} ( {string.Join(' ', tags.Select(t => "#" + t))})";
    }

    /// <summary>The summary an entry line shows (its page's name when it has none): what lint expects to find there.</summary>
    public static string Summary(IndexEntry entry) => PageBody.Inline(entry.Summary).Trim() is { Length: > 0 } summary ? summary : PageNames.LinkName(entry.Path);

    /// <summary>An index entry line: link target, summary and tags (null when the line is not one).</summary>
    public static (string Target, string Summary)? ParseLine(string line) =>
        EntryLine().Match(line) is { Success: true } m ? (m.Groups[1].Value, m.Groups[2].Value) : null;

    [GeneratedRegex(@"[^\w/-]", RegexOptions.CultureInvariant)]
    private static partial Regex NotTag();

    [GeneratedRegex(@"^- \[\[([^\]|#]+)(?:[|#][^\]]*)?\]\] — (.+) \( #[\w/-]+( #[\w/-]+)*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryLine();
}
