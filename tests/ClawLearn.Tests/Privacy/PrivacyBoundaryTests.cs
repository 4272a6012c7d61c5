using System.Collections.Concurrent;
using ClawLearn.Scanning;
using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Privacy;

public class PrivacyBoundaryTests
{
    [Theory]
    [InlineData("credentials/oauth.json", "credentials")]
    [InlineData("credentials/whatsapp/default/creds.json", "credentials")]
    [InlineData(".env", "dotenv")]
    [InlineData("openclaw.json.bak", "config backup")]
    [InlineData("openclaw.json.bak.4", "config backup")]
    [InlineData("clawdbot.json.bak.1", "config backup")]
    [InlineData("agents/main/agent/auth-profiles.json", "agent credentials")]
    [InlineData("agents/main/agent/auth.json", "agent credentials")]
    [InlineData("agents/x/agent/models.json", "agent credentials")]
    [InlineData("browser/Default/Cookies", "browser")]
    [InlineData("memory/main.sqlite", "memory search index")]
    [InlineData("agents/main/sessions/sessions.json.lock", "lock")]
    [InlineData("agents/main/sessions/a.jsonl.lock", "lock")]
    [InlineData("agents/main/sessions/sessions.json.1.2.tmp", "temporary")]
    [InlineData("agents/main/sessions/a.jsonl.bak.2026-02-18T10-00-00.000Z", "compaction backup")]
    [InlineData("workspace/memory/.dreams/state.json", "dreaming")]
    [InlineData("workspace/.git/config", "git")]
    public void Forbidden_paths_are_refused_with_a_reason(string relative, string reason)
    {
        var root = "/home/alice/.openclaw";
        Assert.Contains(reason, PrivacyBoundary.ForbiddenReason(root, Path.Combine(root, relative)));
    }

    // A long-running server must notice when a folder it resolved becomes a link (say, to the credentials folder):
    // a folder's resolution is cached for a couple of seconds only.
    [Fact]
    public void A_folder_that_became_a_link_is_followed_once_its_cached_resolution_expires()
    {
        using var temp = new TempDir("clawlearn-realpath");
        Directory.CreateDirectory(temp.Combine("sessions"));
        Directory.CreateDirectory(temp.Combine("credentials"));
        var file = temp.Combine("sessions", "a.jsonl");
        var t0 = Environment.TickCount64 + 1_000_000; // a clock of the test's own, ahead of anything cached so far
        Assert.Equal(file, RealPath.Resolve(file, t0));

        Directory.Move(temp.Combine("sessions"), temp.Combine("sessions-old"));
        File.CreateSymbolicLink(temp.Combine("sessions"), temp.Combine("credentials"));
        Assert.Equal(file, RealPath.Resolve(file, t0 + 100)); // still the cached answer
        Assert.Equal(temp.Combine("credentials", "a.jsonl"), RealPath.Resolve(file, t0 + RealPath.CacheMs));
    }

    [Theory]
    [InlineData("openclaw.json")]
    [InlineData("agents/main/sessions/sessions.json")]
    [InlineData("agents/main/sessions/a.jsonl")]
    [InlineData("agents/main/sessions/a.jsonl.deleted.2026-02-14T09-12-44.512Z")]
    [InlineData("agents/main/agent/openclaw-agent.sqlite")]
    [InlineData("workspace/MEMORY.md")]
    [InlineData("workspace/memory/2026-02-20.md")]
    [InlineData("memory/notes.md")]
    public void History_paths_are_allowed(string relative)
    {
        var root = "/home/alice/.openclaw";
        Assert.Null(PrivacyBoundary.ForbiddenReason(root, Path.Combine(root, relative)));
    }

    [Fact]
    public void Opening_a_forbidden_file_throws_before_touching_it()
    {
        using var fixture = new FixtureDir();
        var files = new SafeFileAccess(fixture.Root);
        var opened = new List<string>();
        files.Opened += opened.Add;
        Assert.Throws<PrivacyViolationException>(() => files.OpenRead(fixture.Path("credentials", "oauth.json")));
        Assert.Throws<PrivacyViolationException>(() => files.ReadAllText(fixture.Path(".env")));
        Assert.Empty(opened);
    }

    [Fact]
    public void A_full_scan_with_archives_never_opens_a_forbidden_file_and_never_outputs_a_canary()
    {
        using var fixture = new FixtureDir();
        var opened = new ConcurrentBag<string>();
        var files = new SafeFileAccess(fixture.Root);
        files.Opened += opened.Add;
        var state = fixture.Open(files);
        var options = new DiscoveryOptions { IncludeArchived = true };
        var report = StateDirScanner.Scan(state, options);
        using (var reader = new SessionReader(files))
        {
            foreach (var session in SessionDiscovery.Discover(state, options).Sessions)
                _ = reader.Read(session.Source, new TranscriptReadStats()).ToList();
        }

        Assert.NotEmpty(opened);
        Assert.All(opened, path => Assert.Null(PrivacyBoundary.ForbiddenReason(fixture.Root, path)));
        Assert.DoesNotContain(opened, p => p.Contains("credentials") || p.EndsWith(".env") || p.Contains(".bak") || p.Contains("auth"));

        var human = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root, "--include-archived");
        var json = CliRunner.Run(fixture.Home, "scan", "--state-dir", fixture.Root, "--include-archived", "--json");
        foreach (var output in new[] { human.Out, human.Error, json.Out, json.Error, System.Text.Json.JsonSerializer.Serialize(report, ScanJsonContext.Default.ScanReport) })
        {
            Assert.DoesNotContain(Canaries.ForbiddenMarker, output);
            Assert.DoesNotContain(Canaries.ConfigMarker, output);
        }
        // The boundary is visible to the user: forbidden files are listed by name, with the reason.
        Assert.Contains(report.NotRead, n => n.Path == "credentials/" && n.Reason == "credentials");
        Assert.Contains(report.NotRead, n => n.Path == "agents/main/agent/auth-profiles.json");
        Assert.Contains(report.NotRead, n => n.Path.EndsWith(".jsonl.bak.2026-02-18T10-00-00.000Z"));
    }

    [Fact]
    public void Canaries_are_planted_where_the_boundary_test_expects_them()
    {
        // Guards the test above: if the fixture stopped planting canaries, it would pass vacuously.
        using var fixture = new FixtureDir();
        var planted = Directory.EnumerateFiles(fixture.Root, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains(Canaries.ForbiddenMarker)).ToList();
        Assert.True(planted.Count >= 18, $"only {planted.Count} canary files");
        Assert.Contains(Canaries.ConfigMarker, File.ReadAllText(fixture.Path("openclaw.json")));
        Assert.Contains(Canaries.ConfigMarker, File.ReadAllText(fixture.Path("includes", "channels.json5")));
    }
}
