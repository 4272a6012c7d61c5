namespace ClawLearn.Workspace;

/// <summary>
/// Splits MEMORY.md into arms (trace-contract section 6). Headings are ATX <c>##</c>/<c>###</c> lines outside
/// fenced code; text before the first <c>##</c> is not an arm. A heading whose slug repeats within its parent
/// gets <c>-2</c>, <c>-3</c>… so arm ids stay unique.
/// </summary>
public static class MemorySections
{
    public static IReadOnlyList<MemorySection> Split(TruncatedContent content, string trimmedText)
    {
        var lines = ReadLines(trimmedText);
        var sections = new List<MemorySection>();
        var used = new UniqueSlugs();
        string? h2Slug = null;
        var i = 0;
        while (i < lines.Count)
        {
            var (start, text, level) = lines[i];
            if (level == 0 || (level == 3 && h2Slug is null)) { i++; continue; }
            if (level == 2)
            {
                h2Slug = used.Take(text[3..], "");
                used.Reserve(h2Slug + ":main"); // reserved for the section's own text, so "### Main" becomes main-2
            }

            // The body runs to the next ## or ### heading.
            var j = i + 1;
            while (j < lines.Count && lines[j].Level == 0) j++;
            var end = j < lines.Count ? lines[j].Start : trimmedText.Length;
            var body = lines.Skip(i + 1).Take(j - i - 1).Select(l => l.Text).ToList();
            var armId = level == 2
                ? $"memory:{h2Slug}:main"
                : $"memory:{h2Slug}:{used.Take(text[4..], h2Slug + ":")}";
            var nonEmpty = body.Any(l => l.Trim().Length > 0);
            if (level == 3 || nonEmpty)
            {
                sections.Add(new MemorySection(armId, text.TrimStart('#').Trim(), start, end, body, content.Hides(start, end)));
            }
            i = j;
        }
        return sections;
    }

    private static List<(int Start, string Text, int Level)> ReadLines(string text)
    {
        var result = new List<(int, string, int)>();
        var inFence = false;
        var pos = 0;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var end = nl < 0 ? text.Length : nl;
            var line = text[pos..end].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                inFence = !inFence;
            var level = inFence ? 0 : line.StartsWith("## ", StringComparison.Ordinal) ? 2 : line.StartsWith("### ", StringComparison.Ordinal) ? 3 : 0;
            result.Add((pos, line, level));
            if (nl < 0) break;
            pos = nl + 1;
        }
        return result;
    }
}
