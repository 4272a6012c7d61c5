using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

public sealed class MemoryCoverageTests
{
    // The rule as first written: every line compared with every MEMORY.md line.
    private sealed class Reference(IEnumerable<string> memoryLines)
    {
        private readonly List<HashSet<string>> _lines = memoryLines.Select(Words).Where(w => w.Count > 0).ToList();

        public bool Covers(string line)
        {
            var words = Words(line);
            if (words.Count == 0) return true;
            foreach (var memory in _lines)
            {
                var shared = words.Count(memory.Contains);
                if (shared == words.Count) return true;
                if ((double)shared / (words.Count + memory.Count - shared) >= 0.6) return true;
            }
            return false;
        }

        private static HashSet<string> Words(string text) =>
            text.Split([' ', ',', '.', '-', '!'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).Select(w => w.ToLowerInvariant()).ToHashSet();
    }

    [Fact]
    public void A_line_is_covered_by_a_memory_line_holding_its_words_or_most_of_both()
    {
        var coverage = new MemoryCoverage(["- Zigbee2MQTT is pinned to 1.35 on the NUC.", "- The blog uses Astro."]);
        Assert.True(coverage.Covers("zigbee2mqtt pinned"));
        Assert.True(coverage.Covers("The blog uses Astro now."));
        Assert.False(coverage.Covers("The blog rewrite stalls on image handling."));
        Assert.True(coverage.Covers("- ok"));
    }

    [Fact]
    public void Every_line_gets_the_answer_of_comparing_it_with_every_memory_line()
    {
        var random = new Random(5);
        string[] vocabulary = ["alpha", "beta", "gamma", "delta", "Delta", "nuc", "astro", "blog", "zigbee", "pinned", "ok", "a", "the", "mqtt"];
        string Line() => string.Join(random.Next(4) == 0 ? ", " : " ", Enumerable.Range(0, random.Next(0, 7)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        for (var round = 0; round < 200; round++)
        {
            var memory = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Line()).ToList();
            var (coverage, reference) = (new MemoryCoverage(memory), new Reference(memory));
            for (var i = 0; i < 30; i++)
            {
                var line = Line();
                Assert.Equal(reference.Covers(line), coverage.Covers(line));
            }
        }
    }
}
