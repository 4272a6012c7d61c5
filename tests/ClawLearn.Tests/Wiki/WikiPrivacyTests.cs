using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ClawLearn.StateDir;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Wiki;

public class WikiPrivacyTests
{
    private const string Canary = "WIKICANARY";

    [Fact]
    public void No_canary_from_memory_notes_dreams_transcripts_or_tool_payloads_reaches_any_vault_file()
    {
        using var wiki = new WikiHarness();
        PlantCanaries(wiki.Fixture);
        var opened = new ConcurrentBag<string>();
        var files = new SafeFileAccess(wiki.Fixture.Root);
        files.Opened += opened.Add;
        wiki.Run(files: files);
        wiki.Run(WikiHarness.Now.AddHours(1), full: true, files: files);

        var vaultFiles = Directory.EnumerateFiles(wiki.Vault, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(vaultFiles, f => f.EndsWith(".manifest.json", StringComparison.Ordinal));
        Assert.Contains(vaultFiles, f => f.EndsWith("wiki-cache.json", StringComparison.Ordinal));
        foreach (var file in vaultFiles)
        {
            var text = File.ReadAllText(file);
            foreach (var secret in new[]
            {
                Canary, Canaries.ForbiddenMarker, Canaries.ConfigMarker, "CONTENTCANARY", "hunter2", "iVBORw0KGgo", // the base64 image
                "@alice", "@mallory", "Alice Smith", "Mallory Doe", "123456789", "555000111",
            })
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{Path.GetRelativePath(wiki.Vault, file)} contains {secret}");
        }
        // Redaction replaced the secrets; it did not drop the knowledge around them.
        var project = wiki.Read("projects/home-assistant/home-assistant.md");
        Assert.Contains("Worked on home-assistant, using exec.", project);
        Assert.Contains("GITHUB_TOKEN=[REDACTED]", wiki.Read("concepts/access.md"));
        Assert.Contains("--password [REDACTED]", wiki.Read("journal/2026-02.md"));
        // The manifest holds paths and hashes, never content.
        Assert.DoesNotContain("Home Assistant", wiki.Read(".manifest.json"));
        // No forbidden file was ever opened.
        Assert.NotEmpty(opened);
        Assert.All(opened, path => Assert.Null(PrivacyBoundary.ForbiddenReason(wiki.Fixture.Root, path)));
    }

    [Fact]
    public void Transcripts_are_distilled_never_dumped()
    {
        using var wiki = new WikiHarness();
        wiki.Run();
        var vault = string.Join("\n", Directory.EnumerateFiles(wiki.Vault, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText));
        // What tools returned never appears, nor thinking, nor the heartbeat and memory-flush noise.
        Assert.DoesNotContain("zigbee2mqtt | connecting to broker", vault);
        Assert.DoesNotContain("Let me think about what the user needs", vault);
        Assert.DoesNotContain("HEARTBEAT_OK", vault);
        Assert.DoesNotContain("Read HEARTBEAT.md if it exists", vault);
        Assert.DoesNotContain("Pre-compaction memory flush", vault);
        Assert.DoesNotContain("def evaluate()", vault);
        // The session-memory hook file keeps its name only: its user:/assistant: lines are raw conversation.
        Assert.DoesNotContain("They pitched a managed Zigbee hub", wiki.Read("journal/2026-02.md"));
        Assert.Contains("\"vendor pitch\"", wiki.Read("journal/2026-02.md"));
    }

    [Fact]
    public void A_multi_line_private_key_pasted_in_memory_or_a_daily_note_never_reaches_the_vault()
    {
        using var wiki = new WikiHarness();
        // Unfenced, as people paste them: the body lines hold no marker of their own, only the BEGIN line does.
        const string Key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUPEMCANARYone\nAAAAAAAAAAABAAAAMwAAAAtzc2gtPEMCANARYtwo\n-----END OPENSSH PRIVATE KEY-----\n";
        File.AppendAllText(wiki.Fixture.Path("workspace", "MEMORY.md"), $"\n## Deploy keys\n- The NAS deploy key:\n{Key}- Rotate it yearly.\n");
        File.WriteAllText(wiki.Fixture.Path("workspace", "memory", "2026-02-22.md"), $"# 2026-02-22\n\n## ops\n- New runner key\n{Key}- Runner registered.\n");
        wiki.Run();

        AssertNowhere(wiki, "PEMCANARY", "b3BlbnNzaC1rZXktdjEA");
        // Only the key went: the lines around it are still there.
        Assert.Contains("Rotate it yearly.", wiki.Read("concepts/deploy-keys.md"));
        Assert.Contains("Runner registered.", wiki.Read("journal/2026-02.md"));
    }

    [Fact]
    public void Session_names_first_messages_last_answers_handles_and_ids_never_reach_the_vault_verbatim()
    {
        using var wiki = new WikiHarness();
        File.AppendAllText(wiki.Fixture.Path("workspace", "MEMORY.md"), "\n## People\n- Ask @alicecanary (id:987654321) about the Home Assistant box.\n");
        const string Id = "c5a5a5a5-0000-4000-8000-00000000c5a5";
        var t = new DateTimeOffset(2026, 2, 21, 9, 0, 0, TimeSpan.Zero);
        var transcript = new RealTranscript("v")
            .Header(Id, t)
            .User(t.AddSeconds(1), "USERCANARY my neighbour Carol Jones asked whether the Home Assistant box can open her garage")
            .Assistant(t.AddSeconds(5), "Checking.", [("toolu_v1", "exec", new JsonObject { ["command"] = "ha core info" })], new ReportedUsage(900, 40, 0, 0), "toolUse")
            .ToolResult(t.AddSeconds(6), "toolu_v1", "exec", "ok")
            .Assistant(t.AddSeconds(9), "ANSWERCANARY: Carol Jones can open her garage through Home Assistant once you share the dashboard with her; "
                + "the token sk-ant-api03-CLIPCANARY0123456789 at the end of a long answer must not survive clipping either.", usage: new ReportedUsage(1000, 30, 0, 0));
        File.WriteAllText(wiki.Fixture.Path("agents", "main", "sessions", Id + ".jsonl"), transcript.ToText());
        var indexPath = wiki.Fixture.Path("agents", "main", "sessions", "sessions.json");
        var index = JsonNode.Parse(File.ReadAllText(indexPath))!.AsObject();
        // displayName and origin.label name the person at the other end; only a label given on purpose may be shown.
        index["agent:main:telegram:direct:555000222"] = new JsonObject
        {
            ["sessionId"] = Id, ["updatedAt"] = 1771664400000, ["chatType"] = "direct", ["channel"] = "telegram",
            ["displayName"] = "Carol Jones", ["origin"] = new JsonObject { ["label"] = "Carol Jones" },
        };
        File.WriteAllText(indexPath, index.ToJsonString());
        wiki.Run();

        AssertNowhere(wiki, "USERCANARY", "ANSWERCANARY", "CLIPCANARY", "Carol Jones", "garage", "alicecanary", "987654321");
        var sessions = wiki.Read("references/sessions-main.md");
        Assert.Contains("telegram session 2026-02-21 c5a5a5a5", sessions);
        // A label given on purpose is still shown.
        Assert.Contains("summarize HA logs", sessions);
        // What the session did is still said, in the tool's own words.
        Assert.Contains("Worked on home-assistant, using exec.", wiki.Read("projects/home-assistant/home-assistant.md"));
    }

    private static void AssertNowhere(WikiHarness wiki, params string[] secrets)
    {
        foreach (var file in Directory.EnumerateFiles(wiki.Vault, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var secret in secrets)
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{Path.GetRelativePath(wiki.Vault, file)} contains {secret}");
        }
    }

    private static void PlantCanaries(FixtureDir fixture)
    {
        File.AppendAllText(fixture.Path("workspace", "MEMORY.md"),
            $"\n## Access\n- GITHUB_TOKEN=ghp_{Canary}memory0123456789\n- The NAS admin is admin.{Canary.ToLowerInvariant()}@example.com, password: {Canary}-memory-pass\n");
        File.WriteAllText(fixture.Path("workspace", "memory", "2026-02-22.md"),
            $"# 2026-02-22\n\n## ops\n- Deploy with --password {Canary}flag\n- Authorization: Bearer {Canary}bearer0123456789\n- Backups go to https://admin:{Canary}url@nas.local/\n");
        File.AppendAllText(fixture.Path("workspace", "DREAMS.md"),
            $"\n\n## 2026-02-21\n- The home-assistant deploy key -----BEGIN OPENSSH PRIVATE KEY-----{Canary}pem-----END OPENSSH PRIVATE KEY----- should move.\n");
        var t = new DateTimeOffset(2026, 2, 21, 9, 0, 0, TimeSpan.Zero);
        var transcript = new RealTranscript("w")
            .Header("c4a4a4a4-0000-4000-8000-00000000c4a4", t)
            .User(t.AddSeconds(1), $"[Telegram Mallory Doe (@mallory{Canary}) id:555000111 +1m 2026-02-21 09:00 UTC] the Home Assistant token is sk-ant-api03-{Canary}user0001, fix it")
            .Assistant(t.AddSeconds(5), "Rotating it now.",
                [("toolu_w1", "exec", new JsonObject { ["command"] = $"curl -H 'Authorization: Bearer {Canary}toolarg0123456789' http://ha.local" })],
                new ReportedUsage(900, 40, 0, 0), "toolUse")
            .ToolResult(t.AddSeconds(6), "toolu_w1", "exec", $"AKIA{Canary}000000 and xoxb-{Canary}-result and MQTT_PASSWORD=hunter2-{Canary}")
            .Assistant(t.AddSeconds(9), $"Rotated the Home Assistant key sk-ant-api03-{Canary}assistant01 and stored it in the password manager.",
                usage: new ReportedUsage(1000, 30, 0, 0));
        File.WriteAllText(fixture.Path("agents", "main", "sessions", "c4a4a4a4-0000-4000-8000-00000000c4a4.jsonl"), transcript.ToText());
    }
}
