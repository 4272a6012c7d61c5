using ClawLearn.Scanning;
using ClawLearn.Sessions;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Transcripts;

/// <summary>
/// Node's JSON allows a surrogate escape that makes no pair (a model's output or a label cut in the middle of an
/// emoji). Such a line is read, with U+FFFD in the escape's place, by ingest, scan and discovery; it used to stop them
/// with an unhandled exception.
/// </summary>
public sealed class LoneSurrogateTests
{
    private const string CutRun =
        """{"type":"message","id":"s1","timestamp":"2026-02-05T07:10:00.000Z","message":{"role":"user","content":"what did I note \ud83d"}}""" + "\n"
        + """{"type":"message","id":"s2","timestamp":"2026-02-05T07:10:05.000Z","message":{"role":"assistant","content":[{"type":"text","text":"checking \ud83d"},{"type":"toolCall","id":"c1","name":"read","arguments":{"path":"MEMORY.md \udc00"}}],"provider":"anthropic","model":"claude-opus-4-5","usage":{"input":5,"output":7,"cacheRead":0,"cacheWrite":0,"totalTokens":12},"stopReason":"toolUse"}}""" + "\n"
        + """{"type":"message","id":"s3","timestamp":"2026-02-05T07:10:06.000Z","message":{"role":"toolResult","toolCallId":"c1","toolName":"read","content":[{"type":"text","text":"cut \ud800 here"}]}}""" + "\n";

    [Fact]
    public void Ingest_reads_the_lines_and_counts_none_skipped()
    {
        using var harness = new LearningHarness();
        var before = harness.IngestAgent("main").TracesTotal;
        File.AppendAllText(harness.Fixture.Path("agents", "main", "sessions", $"{SessionIds.V2Header}.jsonl"), CutRun);

        var result = harness.IngestAgent("main");

        Assert.Equal(0, result.LinesSkipped);
        Assert.Empty(result.Problems);
        Assert.Equal(before + 1, result.TracesTotal);
        Assert.Contains("tool:fs:read", harness.Export("main"));
    }

    [Fact]
    public void Scan_and_discovery_read_them_too()
    {
        using var fixture = new FixtureDir();
        File.AppendAllText(fixture.Path("agents", "main", "sessions", $"{SessionIds.V2Header}.jsonl"), CutRun);
        var index = fixture.Path("agents", "main", "sessions", "sessions.json");
        var text = File.ReadAllText(index);
        var at = text.IndexOf("\"sessionId\":", StringComparison.Ordinal);
        File.WriteAllText(index, text[..at] + "\"label\": \"cut \\ud800 label\", " + text[at..]);

        var report = StateDirScanner.Scan(fixture.Open());
        Assert.Empty(report.Problems);
        Assert.DoesNotContain(report.SkippedLines, s => s.File.Contains(SessionIds.V2Header, StringComparison.Ordinal));

        var catalog = SessionDiscovery.Discover(fixture.Open());
        Assert.Contains(catalog.Sessions, s => s.Name == "cut \uFFFD label");
    }
}
