using System.Text;
using ClawLearn.Config;
using ClawLearn.Scanning;
using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using ClawLearn.Transcripts;
using ClawLearn.Workspace;

namespace ClawLearn.Tests.Review;

/// <summary>Regressions for the problems an independent review of the foundation found.</summary>
public class ReviewRegressionTests
{
    [Fact]
    public void A_symlink_into_credentials_is_refused_under_any_name()
    {
        using var fixture = new FixtureDir();
        var secret = fixture.Path("credentials", "stolen.jsonl");
        File.WriteAllText(secret, $$"""{"role":"user","content":"{{Canaries.Forbidden("symlink")}}"}""" + "\n");
        File.CreateSymbolicLink(fixture.Path("agents", "main", "sessions", "innocent.jsonl"), secret);
        File.Delete(fixture.Path("workspace", "SOUL.md"));
        File.CreateSymbolicLink(fixture.Path("workspace", "SOUL.md"), fixture.Path(".env"));
        Directory.CreateDirectory(fixture.Path("workspace", "memory", "linked"));
        File.CreateSymbolicLink(fixture.Path("workspace", "memory", "linked", "2026-03-01.md"), fixture.Path("credentials", "oauth.json"));

        var files = new SafeFileAccess(fixture.Root);
        var opened = new List<string>();
        files.Opened += opened.Add;
        var report = StateDirScanner.Scan(fixture.Open(files));
        Assert.DoesNotContain(opened, p => p.Contains("innocent") || p.Contains("linked") || p.EndsWith("SOUL.md"));
        Assert.DoesNotContain(report.Agents[0].Workspace.BootstrapFiles, f => f.Name == "SOUL.md");
        Assert.Throws<PrivacyViolationException>(() => files.OpenRead(fixture.Path("agents", "main", "sessions", "innocent.jsonl")));
        Assert.Equal(16, report.Totals.Sessions.Read);
    }

    [Fact]
    public void Forbidden_folder_names_are_matched_case_insensitively() =>
        Assert.NotNull(PrivacyBoundary.ForbiddenReason("/s", "/s/Credentials/oauth.json"));

    [Fact]
    public void A_dangling_transcript_link_is_a_skipped_source_not_a_failed_scan()
    {
        using var fixture = new FixtureDir();
        File.CreateSymbolicLink(fixture.Path("agents", "main", "sessions", "gone.jsonl"), fixture.Path("nowhere.jsonl"));
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root, "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("gone.jsonl", result.Out);
        Assert.Contains("unreadable", result.Out);
    }

    [Fact]
    public void Including_a_forbidden_file_is_a_config_error()
    {
        using var fixture = new FixtureDir();
        File.WriteAllText(fixture.Path("includes", "channels.json5"), "{ $include: '../credentials/oauth.json' }");
        var result = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a file ClawLearn never reads", result.Error);
        Assert.DoesNotContain(Canaries.ForbiddenMarker, result.Error + result.Out);
    }

    [Fact]
    public void Nan_in_a_json5_session_store_is_a_reported_problem()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.Combine("sessions.json"), "{ 'agent:main:main': { sessionId: 'a', updatedAt: NaN } }");
        var index = SessionIndexReader.Read(temp.Combine("sessions.json"), "main", new SafeFileAccess(temp.Path));
        Assert.Empty(index.Entries);
        Assert.Contains("cannot be read as JSON", index.Problem);
    }

    [Fact]
    public void A_subsection_called_main_does_not_collide_with_the_section_text()
    {
        const string text = "## Projects\nintro text here\n### Main\n- stuff";
        var sections = MemorySections.Split(BootstrapTruncation.Apply(text, "MEMORY.md", 20000), text);
        Assert.Equal(["memory:projects:main", "memory:projects:main-2"], sections.Select(s => s.ArmId));
    }

    [Theory]
    [InlineData("main", "main")]
    [InlineData("a-", "a-")]
    [InlineData("Helper", "helper")]
    [InlineData("My  Agent!!x", "my-agent-x")]
    [InlineData("--x--", "x")]
    [InlineData("!!!", "main")]
    public void Agent_ids_normalise_like_openclaw(string id, string expected) => Assert.Equal(expected, AgentIds.Normalize(id));

    [Fact]
    public void An_agent_folder_with_capitals_is_read_from_its_real_name()
    {
        using var fixture = new FixtureDir();
        var dir = fixture.Path("agents", "Helper", "sessions");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "h1.jsonl"), """{"role":"user","content":"hi","timestamp":"2026-02-01T00:00:00Z"}""" + "\n");
        var catalog = SessionDiscovery.Discover(fixture.Open(), new DiscoveryOptions { AgentId = "helper" });
        Assert.Equal("h1", Assert.Single(catalog.Sessions).SessionId);
    }

    [Fact]
    public void A_blank_line_does_not_let_a_file_beat_an_identical_sqlite_copy()
    {
        using var fixture = new FixtureDir();
        var topic = fixture.Path("agents", "main", "sessions", StateDirFixture.TopicFileName);
        File.AppendAllText(topic, "\n\n   \nnot json\n");
        var catalog = SessionDiscovery.Discover(fixture.Open());
        Assert.Equal(SessionSourceKind.Sqlite, catalog.Sessions.Single(s => s.SessionId == SessionIds.Topic).Source.Kind);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_header()
    {
        using var temp = new TempDir();
        var dir = temp.Combine("state", "agents", "main", "sessions");
        Directory.CreateDirectory(dir);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"type":"session","version":3,"id":"real-id","timestamp":"2026-02-01T00:00:00Z"}""" + "\n")).ToArray();
        File.WriteAllBytes(Path.Combine(dir, "file-stem.jsonl"), bytes);
        var state = StateDirectory.Open(StateDirResolver.Resolve(temp.Combine("state"), _ => null, temp.Path));
        Assert.Equal("real-id", Assert.Single(SessionDiscovery.Discover(state).Sessions).SessionId);
        var stats = new TranscriptReadStats();
        Assert.IsType<SessionHeader>(Assert.Single(JsonlTranscriptReader.Read(new MemoryStream(bytes), stats)));
    }

    [Theory]
    [InlineData("{\r  a: 1\r  b: 2\r}", 3, 3)]
    [InlineData("{\u2028  a: 1\u2028  b: 2\u2028}", 3, 3)]
    [InlineData("{\r\n  a: 1\r\n  b: 2\r\n}", 3, 3)]
    public void Error_positions_count_every_json5_line_break(string text, int line, int column)
    {
        var error = Assert.Throws<ConfigException>(() => Json5Reader.Parse(text, "f"));
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Json5_keys_may_start_with_letter_numbers_and_astral_letters()
    {
        Assert.Equal(1L, (long)Json5Reader.Parse("{Ⅰx: 1}")!["Ⅰx"]!);
        Assert.Equal(2L, (long)Json5Reader.Parse("{𝒜b: 2}")!["𝒜b"]!);
    }

    [Fact]
    public void Truncation_matches_javascript_for_a_zero_tail_a_bom_and_next_line()
    {
        var zeroTail = BootstrapTruncation.Apply("abcdefgh", "X.md", 4); // head 2, tail floor(0.8) = 0 → slice(-0) is everything
        Assert.EndsWith("\nabcdefgh", zeroTail.Injected);
        Assert.Equal(9, BootstrapTruncation.Apply("\uFEFFabcdefgh", "X.md", 100).RawChars);
        Assert.Equal(4, BootstrapTruncation.Apply("abc\u0085", "X.md", 100).RawChars); // JS trimEnd keeps U+0085
        Assert.Equal(3, BootstrapTruncation.Apply("abc\uFEFF \u3000", "X.md", 100).RawChars);
    }

    [Fact]
    public void A_bom_in_a_bootstrap_file_counts_like_node_reads_it()
    {
        using var temp = new TempDir();
        File.WriteAllBytes(temp.Combine("SOUL.md"), [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);
        var ws = WorkspaceReader.Read(temp.Path, 20000, new SafeFileAccess(temp.Path));
        Assert.Equal(3, ws.BootstrapFiles.Single().Content.RawChars);
    }

    [Fact]
    public void A_tiny_line_limit_is_accepted()
    {
        var stats = new TranscriptReadStats();
        var text = """{"role":"user","content":"x"}""" + "\n";
        var records = JsonlTranscriptReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), stats, new LineReaderOptions { MaxLineBytes = 100 }).ToList();
        Assert.Single(records);
    }

    [Fact]
    public void A_too_long_unterminated_last_line_is_left_for_a_later_read()
    {
        var first = """{"role":"user","content":"x"}""" + "\n";
        var bytes = Encoding.UTF8.GetBytes(first + "{\"role\":\"user\",\"content\":\"" + new string('z', 5000));
        var stats = new TranscriptReadStats();
        _ = JsonlTranscriptReader.Read(new MemoryStream(bytes), stats, new LineReaderOptions { MaxLineBytes = 2000 }).ToList();
        Assert.Equal(1, stats.Skipped[SkipReason.LineTooLong]);
        Assert.Equal(Encoding.UTF8.GetByteCount(first), stats.ConsumedBytes);
    }

    [Fact]
    public void Sqlite_events_with_seq_zero_are_read_and_resume_is_by_seq()
    {
        using var temp = new TempDir();
        var path = temp.Combine("s.sqlite");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            StateDirFixture.Exec(connection, "CREATE TABLE transcript_events(session_id TEXT, seq INTEGER, event_json TEXT, created_at INTEGER, PRIMARY KEY(session_id, seq));");
            StateDirFixture.Exec(connection, """INSERT INTO transcript_events VALUES ('s', 0, '{"role":"user","content":"zero"}', 0), ('s', 1, '{"role":"assistant","content":"one"}', 0)""");
        }
        using var reader = new SessionReader(new SafeFileAccess(temp.Path));
        var source = new SessionSource("main", "s", SessionSourceKind.Sqlite, path, 0, null);
        var stats = new TranscriptReadStats();
        Assert.Equal(["zero", "one"], reader.Read(source, stats).OfType<Turn>().Select(t => t.Text));
        Assert.Equal(1, stats.LastSeq);
        Assert.Equal(["one"], reader.Read(source, new TranscriptReadStats(), resumeFrom: 0).OfType<Turn>().Select(t => t.Text));
    }

    [Fact]
    public void A_shared_session_store_is_read_once_for_the_default_agent()
    {
        using var fixture = new FixtureDir();
        var config = fixture.Path("openclaw.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("session: {", "session: { store: './agents/main/sessions/sessions.json',"));
        var state = fixture.Open();
        Assert.Equal(fixture.Path("agents", "main", "sessions", "sessions.json"), state.Agent("main")!.SessionIndexPath);
        Assert.Equal(fixture.Path("agents", "research", "sessions", "sessions.json"), state.Agent("research")!.SessionIndexPath);
    }

    [Theory]
    [InlineData("1/2/2026")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    public void Only_iso_timestamps_parse(string text) => Assert.Null(Timestamps.ParseIso(text));

    [Theory]
    [InlineData("2026-02-20T09:00:00Z", 1771578000000L)]
    [InlineData("2026-02-20T10:00:00+01:00", 1771578000000L)]
    [InlineData("2026-02-20T09:00:00.000Z", 1771578000000L)]
    [InlineData("2026-02-20 09:00", 1771578000000L)]
    [InlineData("2026-02-20", 1771545600000L)]
    public void Iso_variants_parse_as_utc_unless_zoned(string text, long ms) => Assert.Equal(ms, Timestamps.ParseIso(text));
}
