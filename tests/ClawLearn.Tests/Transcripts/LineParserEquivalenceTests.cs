using System.Text;
using ClawLearn.Tests.Support;
using ClawLearn.Tests.Transcripts.Reference;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts;

/// <summary>
/// The one-pass line parser gives exactly what the JsonDocument parser gave, for every line: same skip reason,
/// same record, same text to the character. Two differences are intended. A surrogate escape that makes no pair
/// (Node's JSON allows it) makes System.Text.Json throw; the parser reads it as U+FFFD, so it must give what the
/// reference gives for the line with each such escape written as <c>\ufffd</c>. And a property name escaped with a
/// lone surrogate (<c>"mod\u0065\ud800l"</c>) made the old parser throw while it looked up a similar name; the
/// scanner treats such a name as matching nothing instead of failing.
/// </summary>
public partial class LineParserEquivalenceTests
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

    private static void AssertSame(byte[] original, int maxToolResultChars)
    {
        var line = original;
        var options = new LineReaderOptions { MaxToolResultChars = maxToolResultChars };
        var expected = Describe(() => ReferenceLineParser.Parse(line, options));
        if (expected == "throws InvalidOperationException" && WithLoneSurrogatesReplaced(line) is { } replaced)
        {
            line = replaced;
            expected = Describe(() => ReferenceLineParser.Parse(line, options));
        }
        var actual = Describe(() => TranscriptLineParser.Parse(original, options));
        if (expected == "throws InvalidOperationException" && actual != expected && LoneSurrogateInName(original)) return;
        if (expected != actual)
            Assert.Fail($"line {Encoding.UTF8.GetString(original)[..Math.Min(original.Length, 2000)]}\nexpected {expected}\nactual   {actual}");

        // Reading for run facts only blanks user and tool-result text; everything else is the same (assistant text and
        // tool-call arguments as decoded into the parser's buffer).
        var factsOnly = Describe(() => TranscriptLineParser.Parse(original, options with { RunFactsOnly = true }));
        var blanked = Describe(() => ReferenceLineParser.Parse(line, options) is { Record: Turn { Role: TurnRole.User or TurnRole.ToolResult } t } o
            ? o with { Record = t with { Text = "" } }
            : ReferenceLineParser.Parse(line, options));
        if (blanked != factsOnly && !(expected.StartsWith("throws", StringComparison.Ordinal) && actual == expected))
            Assert.Fail($"line {Encoding.UTF8.GetString(original)[..Math.Min(original.Length, 2000)]}\nexpected {blanked}\nfacts only {factsOnly}");
    }

    // The line with every surrogate escape that makes no pair, in any string or name, written as \ufffd; null when no
    // string needed it (or the line is not JSON). Escapes are matched left to right, so "\\ud800" (a backslash, then
    // text) is left alone.
    private static byte[]? WithLoneSurrogatesReplaced(byte[] line)
    {
        var output = new List<byte>(line.Length);
        var copied = 0;
        var reader = new System.Text.Json.Utf8JsonReader(line);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (System.Text.Json.JsonTokenType.String or System.Text.Json.JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                var body = Encoding.UTF8.GetString(reader.ValueSpan);
                var fixedBody = Escape().Replace(body, m => m.Groups["lone"].Success ? @"\ufffd" : m.Value);
                if (fixedBody == body) continue;
                var start = (int)reader.TokenStartIndex + 1; // after the opening quote
                output.AddRange(line.AsSpan(copied, start - copied).ToArray());
                output.AddRange(Encoding.UTF8.GetBytes(fixedBody));
                copied = start + reader.ValueSpan.Length;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (copied == 0) return null;
        output.AddRange(line.AsSpan(copied).ToArray());
        return [.. output];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|(?<lone>\\u[dD][89a-fA-F][0-9a-fA-F]{2})|\\.")]
    private static partial System.Text.RegularExpressions.Regex Escape();

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
