namespace ClawLearn.Wiki;

/// <summary>
/// Whether MEMORY.md already says something (the seed: DREAMS.md only for "novel insights not already captured in
/// MEMORY.md"): a line is covered when one MEMORY.md line holds all its words or shares at least 60 % of the words of
/// both (Jaccard over words of three letters or more, case-insensitive).
/// </summary>
public sealed class MemoryCoverage(IEnumerable<string> memoryLines)
{
    private const double Threshold = 0.6;
    private readonly List<HashSet<string>> _lines = memoryLines.Select(Words).Where(w => w.Count > 0).ToList();

    public bool Covers(string line)
    {
        var words = Words(line);
        if (words.Count == 0) return true;
        foreach (var memory in _lines)
        {
            var shared = words.Count(memory.Contains);
            if (shared == words.Count) return true;
            if ((double)shared / (words.Count + memory.Count - shared) >= Threshold) return true;
        }
        return false;
    }

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            if (letter || start < 0) continue;
            if (i - start >= 3) words.Add(text[start..i].ToLowerInvariant());
            start = -1;
        }
        return words;
    }
}
