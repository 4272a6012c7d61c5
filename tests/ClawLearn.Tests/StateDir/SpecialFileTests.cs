using ClawLearn.Scanning;
using ClawLearn.StateDir;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.StateDir;

/// <summary>
/// A named pipe or a device where a file should be is refused before it is opened: opening a pipe waits for a writer
/// and /dev/zero never ends, and .NET reports both as an ordinary empty file. Each used to hang scan, ingest and wiki.
/// </summary>
public sealed class SpecialFileTests
{
    private static void Fifo(string path) => NamedPipe.Create(path);

    [Fact]
    public void Kinds_are_told_apart_with_and_without_following_links()
    {
        using var dir = new TempDir("clawlearn-kinds");
        var file = dir.Combine("a.jsonl");
        File.WriteAllText(file, "{}\n");
        var pipe = dir.Combine("pipe.jsonl");
        Fifo(pipe);
        var toFile = dir.Combine("to-file.jsonl");
        File.CreateSymbolicLink(toFile, file);
        var toZero = dir.Combine("to-zero.jsonl");
        File.CreateSymbolicLink(toZero, "/dev/zero");
        var dangling = dir.Combine("dangling.jsonl");
        File.CreateSymbolicLink(dangling, dir.Combine("gone"));

        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Directory, FileKinds.Of(dir.Path));
        Assert.Equal(FileKind.Missing, FileKinds.Of(dir.Combine("missing")));
        Assert.Equal(FileKind.Special, FileKinds.Of(pipe));
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Regular, FileKinds.Of(toFile));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.OfEntry(toFile));
        Assert.Equal(FileKind.Special, FileKinds.Of(toZero));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.OfEntry(toZero));
        Assert.Equal(FileKind.Missing, FileKinds.Of(dangling));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.OfEntry(dangling));
        Assert.Equal(FileKind.Regular, FileKinds.OfEntry(file));
    }

    [Fact]
    public async Task Opening_a_pipe_or_a_device_fails_at_once_instead_of_waiting()
    {
        using var dir = new TempDir("clawlearn-kinds");
        var pipe = dir.Combine("pipe.jsonl");
        Fifo(pipe);
        var toZero = dir.Combine("MEMORY.md");
        File.CreateSymbolicLink(toZero, "/dev/zero");
        var files = new SafeFileAccess(dir.Path);
        var open = Task.Run(() => Assert.Throws<IOException>(() => files.OpenRead(pipe)));
        try
        {
            var error = await open.WaitAsync(TimeSpan.FromSeconds(20)); // a TimeoutException when the open blocked
            Assert.Contains("named pipe, socket or device", error.Message);
        }
        finally
        {
            // Were the open blocked, a writer releases it, so the test ends either way.
            if (!open.IsCompleted) using (new FileStream(pipe, FileMode.Open, FileAccess.Write)) { }
        }
        // Refused by kind, before a single byte is read (the 64 MB limit would only stop it after reading that much).
        var read = Assert.Throws<IOException>(() => files.ReadAllText(toZero));
        Assert.Contains("not a file", read.Message);
    }

    [Fact]
    public async Task A_pipe_and_a_device_among_the_transcripts_are_reported_and_the_rest_is_read()
    {
        using var clean = new LearningHarness();
        var expected = clean.Ingest().Select(r => (r.AgentId, r.SessionsRead, r.TracesTotal)).ToList();

        using var harness = new LearningHarness();
        var sessions = harness.Fixture.Path("agents", "main", "sessions");
        Fifo(Path.Combine(sessions, "pipe-session.jsonl"));
        File.CreateSymbolicLink(Path.Combine(sessions, "zero-session.jsonl"), "/dev/zero");
        var results = await Task.Run(() => harness.Ingest()).WaitAsync(TimeSpan.FromSeconds(60)); // a TimeoutException when it blocked
        Assert.Equal(expected, results.Select(r => (r.AgentId, r.SessionsRead, r.TracesTotal)).ToList());

        var report = StateDirScanner.Scan(harness.Fixture.Open());
        foreach (var name in new[] { "pipe-session", "zero-session" })
        {
            var skipped = Assert.Single(report.SkippedSources, s => s.SessionId == name);
            Assert.Contains("named pipe, socket or device", skipped.Reason);
        }
    }

    [Fact]
    public async Task A_pipe_in_place_of_a_session_index_is_a_warning_for_the_wiki()
    {
        using var wiki = new ClawLearn.Tests.Wiki.WikiHarness();
        var index = wiki.Fixture.Path("agents", "main", "sessions", "sessions.json");
        File.Delete(index);
        Fifo(index);
        var result = await Task.Run(() => wiki.Run()).WaitAsync(TimeSpan.FromSeconds(60)); // a TimeoutException when it blocked
        Assert.Contains(result.Problems, p => p.Contains("sessions.json") && p.Contains("named pipe, socket or device"));
        Assert.True(result.SessionsRead > 0);
    }
}
