using ClawLearn.Sessions;

namespace ClawLearn.Tests.Sessions;

public class TranscriptFileNameTests
{
    [Theory]
    [InlineData("3f9c.jsonl", "3f9c", null, false, null)]
    [InlineData("3f9c-topic-42.jsonl", "3f9c", "42", false, null)]
    [InlineData("3f9c-topic-1712345678.123456.jsonl", "3f9c", "1712345678.123456", false, null)]
    [InlineData("3f9c-topic-%24abc%3Amatrix.org.jsonl", "3f9c", "$abc:matrix.org", false, null)]
    [InlineData("2026-02-10T08-30-00-000Z_5e6f.jsonl", "5e6f", null, true, null)]
    [InlineData("3f9c.jsonl.deleted.2026-02-14T09-12-44.512Z", "3f9c", null, false, "deleted")]
    [InlineData("3f9c-topic-7.jsonl.reset.2026-02-14T09-12-44.512Z", "3f9c", "7", false, "reset")]
    public void Parses_session_id_thread_fork_and_archive(string name, string id, string? thread, bool fork, string? archive)
    {
        var parsed = TranscriptFileName.Parse(name)!;
        Assert.Equal((id, thread, fork, archive), (parsed.StemSessionId, parsed.ThreadId, parsed.IsFork, parsed.ArchiveKind));
    }

    [Theory]
    [InlineData("sessions.json")]
    [InlineData("x.jsonl.lock")]
    [InlineData("x.jsonl.tmp")]
    [InlineData("x.jsonl.bak.2026-02-14T09-12-44.512Z")]
    [InlineData("x.jsonlx")]
    [InlineData(".jsonl")]
    public void Other_files_are_not_transcripts(string name) => Assert.Null(TranscriptFileName.Parse(name));
}
