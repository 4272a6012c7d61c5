using System.Text;

namespace ClawLearn.Wiki;

/// <summary>
/// YAML frontmatter as an ordered list of top-level keys, each with its raw lines (the key line and any indented or
/// list lines under it). That is enough to merge ours with a user's keys without a YAML library, and to read the
/// scalars and lists lint checks. Values are written in a small, safe subset: double-quoted strings, flow lists.
/// </summary>
public sealed class Frontmatter
{
    private readonly List<(string Key, List<string> Lines)> _entries = [];

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>Splits a file into its frontmatter (null when it has none) and the rest.</summary>
    public static (Frontmatter? Frontmatter, string Body) Split(string text)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) return (null, text);
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var endAtEof = end < 0 && text.EndsWith("\n---", StringComparison.Ordinal);
        if (end < 0 && !endAtEof) return (null, text);
        var yamlEnd = end < 0 ? text.Length - 4 : end;
        var frontmatter = new Frontmatter();
        foreach (var line in text[4..Math.Max(4, yamlEnd + 1)].Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line[0] is ' ' or '\t' or '-' or '#' && frontmatter._entries.Count > 0) { frontmatter._entries[^1].Lines.Add(line); continue; }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            frontmatter._entries.Add((line[..colon].Trim(), [line]));
        }
        return (frontmatter, end < 0 ? "" : text[(end + 5)..]);
    }

    public bool Has(string key) => _entries.Any(e => e.Key == key);

    /// <summary>The raw lines of a key, joined, for comparing what is written.</summary>
    public string? Raw(string key) => _entries.FirstOrDefault(e => e.Key == key).Lines is { } lines ? string.Join('\n', lines) : null;

    /// <summary>
    /// A scalar value, unquoted; a block scalar (<c>|</c> or <c>&gt;</c>, with chomping indicators) joined from its
    /// indented lines (by line breaks or, folded, by spaces); null when the key is absent or its value is empty
    /// (<c>""</c> included).
    /// </summary>
    public string? Scalar(string key)
    {
        if (Raw(key) is not { } raw) return null;
        var lines = raw.Split('\n');
        var value = lines[0][(lines[0].IndexOf(':') + 1)..].Trim();
        if (value.Length > 0 && value[0] is '|' or '>' && value.TrimEnd('-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Length == 1)
        {
            var block = lines.Skip(1).Select(l => l.Trim()).ToList();
            var text = string.Join(value[0] == '|' ? "\n" : " ", block).Trim();
            return text.Length == 0 ? null : text;
        }
        var unquoted = Unquote(value);
        return unquoted.Length == 0 ? null : unquoted;
    }

    /// <summary>A list value, flow (<c>[a, b]</c>) or block (<c>- a</c>); null when the key is absent.</summary>
    public IReadOnlyList<string>? List(string key)
    {
        if (Raw(key) is not { } raw) return null;
        var lines = raw.Split('\n');
        var inline = lines[0][(lines[0].IndexOf(':') + 1)..].Trim();
        if (inline.StartsWith('[') && inline.EndsWith(']'))
            return SplitFlow(inline[1..^1]).Select(Unquote).Where(v => v.Length > 0).ToList();
        if (inline.Length > 0) return [Unquote(inline)];
        return lines.Skip(1).Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => Unquote(l[2..].Trim())).ToList();
    }

    public void Set(string key, IReadOnlyList<string> lines)
    {
        var index = _entries.FindIndex(e => e.Key == key);
        if (index >= 0) _entries[index] = (key, lines.ToList());
        else _entries.Add((key, lines.ToList()));
    }

    public string Render()
    {
        var sb = new StringBuilder("---\n");
        foreach (var (_, lines) in _entries) sb.AppendJoin('\n', lines).Append('\n');
        return sb.Append("---\n").ToString();
    }

    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string FlowList(IEnumerable<string> values, bool quoted) => "[" + string.Join(", ", values.Select(v => quoted ? Quote(v) : v)) + "]";

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'') return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        return value;
    }

    private static IEnumerable<string> SplitFlow(string items)
    {
        var start = 0;
        var quote = '\0';
        for (var i = 0; i < items.Length; i++)
        {
            var c = items[i];
            if (quote != '\0') { if (c == '\\' && quote == '"') i++; else if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == ',') { yield return items[start..i]; start = i + 1; }
        }
        if (start < items.Length) yield return items[start..];
    }
}
