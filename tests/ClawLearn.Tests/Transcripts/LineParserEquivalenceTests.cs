using System.Text;
using ClawLearn.Tests.Support;
using ClawLearn.Tests.Transcripts.Reference;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts;

/// <summary>
/// The one-pass line parser gives exactly what the JsonDocument parser gave, for every line: same skip reason,
/// same record, same text to the character, same exception when a value cannot be decoded. One difference is
/// allowed: a property name escaped with a lone surrogate (<c>"mod\u0065\ud800l"</c>) made the old parser throw
/// while it looked up a similar name; the scanner treats such a name as matching nothing instead of failing.
/// </summary>
public class LineParserEquivalenceTests
{
    private static readonly int[] ToolResultLimits = [0, 1, 7, 100, 4096];

    [Fact]
    public void Every_line_of_the_sample_state_directory_parses_the_same()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Samples, "*.jsonl*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        var lines = 0;
        foreach (var file in files)
        {
            foreach (var line in Split(File.ReadAllBytes(file)))
            {
                lines++;
                foreach (var limit in ToolResultLimits) AssertSame(line, limit);
            }
        }
        Assert.True(lines > 50);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_lines_of_both_formats_and_broken_lines_parse_the_same(int seed)
    {
        var lines = new RandomLines(seed);
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++) AssertSame(lines.Next(), ToolResultLimits[random.Next(ToolResultLimits.Length)]);
    }

    private static void AssertSame(byte[] line, int maxToolResultChars)
    {
        var options = new LineReaderOptions { MaxToolResultChars = maxToolResultChars };
        var expected = Describe(() => ReferenceLineParser.Parse(line, options));
        var actual = Describe(() => TranscriptLineParser.Parse(line, options));
        if (expected == "throws InvalidOperationException" && actual != expected && LoneSurrogateInName(line)) return;
        if (expected != actual)
            Assert.Fail($"line {Encoding.UTF8.GetString(line)[..Math.Min(line.Length, 2000)]}\nexpected {expected}\nactual   {actual}");

        // Reading for run facts only blanks user and tool-result text; everything else is the same (assistant text and
        // tool-call arguments as decoded into the parser's buffer).
        var factsOnly = Describe(() => TranscriptLineParser.Parse(line, options with { RunFactsOnly = true }));
        var blanked = Describe(() => ReferenceLineParser.Parse(line, options) is { Record: Turn { Role: TurnRole.User or TurnRole.ToolResult } t } o
            ? o with { Record = t with { Text = "" } }
            : ReferenceLineParser.Parse(line, options));
        if (blanked != factsOnly && !(expected.StartsWith("throws", StringComparison.Ordinal) && actual == expected))
            Assert.Fail($"line {Encoding.UTF8.GetString(line)[..Math.Min(line.Length, 2000)]}\nexpected {blanked}\nfacts only {factsOnly}");
    }

    private static bool LoneSurrogateInName(byte[] line)
    {
        var reader = new System.Text.Json.Utf8JsonReader(line);
        while (reader.Read())
        {
            if (reader.TokenType != System.Text.Json.JsonTokenType.PropertyName || !reader.ValueIsEscaped) continue;
            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
        return false;
    }

    private static string Describe(Func<LineOutcome> parse)
    {
        LineOutcome outcome;
        try
        {
            outcome = parse();
        }
        catch (Exception e)
        {
            return $"throws {e.GetType().Name}";
        }
        if (outcome.Skip is { } skip) return $"skip {skip}";
        if (outcome.Dropped) return "dropped";
        return outcome.Record switch
        {
            // Read for run facts only, the texts are in the parser's buffer (still valid: nothing was parsed since).
            Turn t => $"turn {t.Role} {t.TimestampMs} [{(t.Decoded is { } d ? d.Text.ToString() : t.Text)}] "
                + $"calls=[{string.Join(" | ", t.ToolCalls.Select((c, i) => $"{c.Id}/{c.Name}/{(t.Decoded is { } d ? d.Arguments(i).ToString() : c.ArgumentsText)}"))}] "
                + $"usage={t.Usage} {t.Provider}/{t.Model} stop={t.StopReason} error={t.ErrorMessage} tool={t.ToolName} isError={t.IsError} entry={t.EntryId}",
            var other => other!.ToString(),
        };
    }

    private static IEnumerable<byte[]> Split(byte[] bytes)
    {
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) end = bytes.Length;
            yield return bytes[start..end];
            start = end + 1;
        }
    }
}
