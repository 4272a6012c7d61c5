namespace ClawLearn.Wiki;

/// <summary>
/// Whether MEMORY.md already says something (the seed: DREAMS.md only for "novel insights not already captured in
/// MEMORY.md"): a line is covered when one MEMORY.md line holds all its words or shares at least 60 % of the words of
/// both (Jaccard over words of three letters or more, case-insensitive).
/// </summary>
/// <remarks>
/// MEMORY.md's lines are indexed by word, so a line is compared only with the lines that share a word with it (either
/// rule needs one): comparing every DREAMS.md line with every MEMORY.md line made a wiki of two 8,000-line files take
/// 9–14 s, on every run.
/// </remarks>
public sealed class MemoryCoverage
{
    private const double Threshold = 0.6;
    private readonly List<int> _wordCounts = [];
    private readonly Dictionary<string, List<int>> _linesByWord = new(StringComparer.Ordinal);

    public MemoryCoverage(IEnumerable<string> memoryLines)
    {
        foreach (var words in memoryLines.Select(Words).Where(w => w.Count > 0))
        {
            foreach (var word in words)
            {
                if (!_linesByWord.TryGetValue(word, out var lines)) _linesByWord[word] = lines = [];
                lines.Add(_wordCounts.Count);
            }
            _wordCounts.Add(words.Count);
        }
    }

    public bool Covers(string line)
    {
        var words = Words(line);
        if (words.Count == 0) return true;
        var shared = new Dictionary<int, int>();
        foreach (var word in words)
        {
            if (!_linesByWord.TryGetValue(word, out var lines)) continue;
            foreach (var memory in lines) shared[memory] = shared.GetValueOrDefault(memory) + 1;
        }
        foreach (var (memory, count) in shared)
        {
            if (count == words.Count) return true;
            if ((double)count / (words.Count + _wordCounts[memory] - count) >= Threshold) return true;
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
