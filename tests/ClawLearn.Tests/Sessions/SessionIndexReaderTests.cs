using System.Text;
using ClawLearn.Sessions;
using ClawLearn.StateDir;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Sessions;

public class SessionIndexReaderTests
{
    private static SessionIndex Read(string json) => SessionIndexReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(json)), "main");

    [Fact]
    public void Map_shape_resolves_channel_name_agent_and_report()
    {
        using var fixture = new FixtureDir();
        var index = SessionIndexReader.Read(fixture.Path("agents", "main", "sessions", "sessions.json"), "main", new SafeFileAccess(fixture.Root));
        Assert.Equal(SessionIndexShape.Map, index.Shape);
        Assert.Equal(5, index.Entries.Count);
        var dm = index.Entries.Single(e => e.Key == "agent:main:main");
        Assert.Equal(("telegram", "Alice Smith (@alice) id:123456789", 1771581600000L), (dm.Channel, dm.Name, dm.UpdatedAtMs!.Value));
        Assert.Equal(("anthropic", "claude-opus-4-5"), (dm.ModelProvider, dm.Model));
        Assert.Equal(new Dictionary<string, int> { ["exec"] = 1800, ["read"] = 600, ["memory_search"] = 700, ["message"] = 900 }, dm.Report!.ToolSchemaChars);
        Assert.Equal(1400, dm.Report.SkillChars["wiki-ingest"]);
        Assert.Equal(48210, dm.Report.SystemPromptChars);
        Assert.Contains(dm.Report.InjectedFiles, f => f is { Name: "MEMORY.md", RawChars: 26000, Truncated: true });
        Assert.Equal("cron", index.Entries.Single(e => e.Key == "agent:main:cron:daily-brief").Channel); // legacy provider → channel
        Assert.Equal("telegram:g-dev-chat", index.Entries.Single(e => e.Key!.Contains(":topic:")).Name);
        Assert.Equal("summarize HA logs", index.Entries.Single(e => e.Key!.Contains(":subagent:")).Name);
    }

    [Fact]
    public void Map_entries_are_read_tolerantly_and_a_repeated_property_takes_its_last_value()
    {
        // What System.Text.Json's DOM does with a repeated property, which the entry reader follows.
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse("""{"a":1,"a":2}""").RootElement.GetProperty("a").GetInt32());
        var index = Read("""
            {
              "k1": {"sessionId": "a", "channel": 5, "provider": "legacy", "label": "first", "label": "second",
                     "updatedAt": "2026-01-02T03:04:05Z",
                     "systemPromptReport": {
                       "tools": {"entries": [{"name": "old", "schemaChars": 1}]},
                       "systemPrompt": {"chars": 1e3, "text": "{\"tools\": [\"not a tool\"]}"},
                       "tools": {"entries": [{"name": "t1", "schemaChars": 400}, {"name": "t2"}, {"schemaChars": 3}, {"name": "t1", "schemaChars": "x"}, 7]},
                       "skills": {"entries": [{"name": "s1", "promptChars": 40}, {"name": "s3", "blockChars": 9, "promptChars": 40}]},
                       "injectedWorkspaceFiles": [{"name": "AGENTS.md", "rawChars": 10, "injectedChars": 8, "truncated": true, "missing": "yes"}, {"rawChars": 1}]
                     },
                     "skillsSnapshot": {"skills": [{"name": "s1"}, {"name": "s2"}, "s4"]}},
              "k2": {"sessionId": "b", "systemPromptReport": null},
              "k3": {"sessionId": ""},
              "k4": [1],
              "k5": {"sessionId": "c", "updatedAt": 1.5e12, "origin": {"provider": "telegram", "label": "Bob"} /* comment */, },
            }
            """);
        Assert.Equal(["a", "b", "c"], index.Entries.Select(e => e.SessionId));
        var a = index.Entries[0];
        Assert.Equal(("legacy", "second", "second", DateTimeOffset.Parse("2026-01-02T03:04:05Z").ToUnixTimeMilliseconds()),
            (a.Channel, a.Name, a.GivenName, a.UpdatedAtMs!.Value));
        Assert.Equal(new Dictionary<string, int> { ["t1"] = 0, ["t2"] = 0 }, a.Report!.ToolSchemaChars);
        Assert.Equal(new Dictionary<string, int> { ["s1"] = 40, ["s3"] = 9, ["s2"] = 0 }, a.Report.SkillChars);
        Assert.Equal([new InjectedFile("AGENTS.md", 10, 8, true, false)], a.Report.InjectedFiles);
        Assert.Equal(1000, a.Report.SystemPromptChars);
        var b = index.Entries[1];
        Assert.Equal((0, 0, 0, (int?)null), (b.Report!.ToolSchemaChars.Count, b.Report.SkillChars.Count, b.Report.InjectedFiles.Count, b.Report.SystemPromptChars));
        var c = index.Entries[2];
        Assert.Equal(("telegram", "Bob", (string?)null, 1_500_000_000_000L, (PromptReport?)null), (c.Channel, c.Name, c.GivenName, c.UpdatedAtMs!.Value, c.Report));
    }

    [Fact]
    public void Seed_array_shape_reads_iso_times_names_and_counts()
    {
        var index = Read("""
            [{"id":"r1","name":"vector DB comparison","created_at":"2026-01-12T09:00:00Z","updated_at":"2026-01-12T10:12:00Z","message_count":6,"agent_id":"research"},
             {"id":"r2","name":"other","agent_id":"default"}, {"noid": true}, 42]
            """);
        Assert.Equal(SessionIndexShape.SeedArray, index.Shape);
        Assert.Equal(2, index.Entries.Count);
        var first = index.Entries[0];
        Assert.Equal(("r1", "vector DB comparison", 6, "research"), (first.SessionId, first.Name, first.MessageCount!.Value, first.AgentId!));
        Assert.Equal("2026-01-12T10:12:00.000Z", Timestamps.ToIso(first.UpdatedAtMs!.Value));
        Assert.Equal("main", index.Entries[1].AgentId); // "default" means the directory's agent
    }

    [Fact]
    public void Cli_export_shape_reads_the_sessions_array()
    {
        var index = Read("""
            {"path": "/x/sessions.json", "count": 2, "activeMinutes": 120, "sessions": [
              {"key": "agent:ops:main", "kind": "direct", "updatedAt": 1771581600000, "ageMs": 5, "sessionId": "s1", "model": "gpt-5.2", "totalTokens": 10},
              {"key": "global", "kind": "global", "sessionId": "s2"}]}
            """);
        Assert.Equal(SessionIndexShape.CliExport, index.Shape);
        Assert.Equal(["s1", "s2"], index.Entries.Select(e => e.SessionId));
        Assert.Equal(("ops", "direct", "gpt-5.2"), (index.Entries[0].AgentId!, index.Entries[0].ChatType!, index.Entries[0].Model!));
        Assert.Equal("main", index.Entries[1].AgentId);
    }

    [Fact]
    public void A_name_escaped_with_an_unpaired_surrogate_is_read_past_in_every_shape()
    {
        // Node's JSON writes such escapes; the framework's property lookup threw on one ("\ud83d…" is longer than
        // "sessionId", so comparing un-escaped it).
        var map = Read("""{"agent:main:main": {"\ud83d0123456789": 1, "sessionId": "m1", "label": "L"}}""");
        Assert.Equal(("m1", "L"), (map.Entries.Single().SessionId, map.Entries.Single().Name!));
        var cli = Read("""{"sessions": [{"\ud83d0123456789": 1, "sessionId": "c1", "kind": "direct"}]}""");
        Assert.Equal(("c1", "direct"), (cli.Entries.Single().SessionId, cli.Entries.Single().ChatType!));
        var seed = Read("""[{"\ud83d0123456789": 1, "id": "r1", "name": "N"}]""");
        Assert.Equal(("r1", "N"), (seed.Entries.Single().SessionId, seed.Entries.Single().Name!));
    }

    [Fact]
    public void Entries_larger_than_the_read_buffer_stream_one_at_a_time()
    {
        // Each entry carries a 100 KB report; the walker starts with a 64 KB buffer and must grow per entry only.
        var sb = new StringBuilder("{");
        for (var i = 0; i < 30; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append($"\"agent:main:s{i}\": {{\"sessionId\": \"id{i}\", \"updatedAt\": {i}, \"systemPromptReport\": {{\"systemPrompt\": {{\"chars\": {i}, \"text\": \"{new string('p', 100_000)}\"}}}}}}");
        }
        sb.Append('}');
        var index = Read(sb.ToString());
        Assert.Equal(30, index.Entries.Count);
        Assert.Equal(29, index.Entries[29].Report!.SystemPromptChars);
    }

    [Fact]
    public void Comments_trailing_commas_and_a_bom_are_tolerated_while_streaming()
    {
        var index = Read("\uFEFF// hand edited\n{ \"agent:main:main\": { \"sessionId\": \"a\", \"updatedAt\": 1, }, /* x */ }");
        Assert.Equal(["a"], index.Entries.Select(e => e.SessionId));
    }

    [Fact]
    public void Json5_only_stores_fall_back_to_the_json5_reader()
    {
        using var temp = new TempDir();
        var path = temp.Combine("sessions.json");
        File.WriteAllText(path, "{ 'agent:main:main': { sessionId: 'a', updatedAt: 0x10 } }");
        var index = SessionIndexReader.Read(path, "main", new SafeFileAccess(temp.Path));
        Assert.Equal(SessionIndexShape.Map, index.Shape);
        Assert.Equal(16L, index.Entries.Single().UpdatedAtMs);
    }

    [Fact]
    public void A_broken_store_is_reported_not_fatal()
    {
        using var temp = new TempDir();
        var path = temp.Combine("sessions.json");
        File.WriteAllText(path, "{ \"agent:main:main\": { \"sessionId\": ");
        var index = SessionIndexReader.Read(path, "main", new SafeFileAccess(temp.Path));
        Assert.Empty(index.Entries);
        Assert.NotNull(index.Problem);
    }

    [Fact]
    public void An_index_that_links_to_credentials_is_reported_and_never_opened()
    {
        using var fixture = new FixtureDir();
        var index = fixture.Path("agents", "main", "sessions", "sessions.json");
        File.Delete(index);
        File.CreateSymbolicLink(index, fixture.Path("credentials", "oauth.json"));
        var state = fixture.Open();
        var opened = new List<string>();
        state.Files.Opened += opened.Add;

        var catalog = SessionDiscovery.Discover(state);

        Assert.Contains(catalog.Problems, p => p.StartsWith("agents/main/sessions/sessions.json: not read", StringComparison.Ordinal));
        Assert.Contains(catalog.Sessions, s => s.AgentId == "main");
        Assert.DoesNotContain(opened, p => p.Contains("credentials", StringComparison.Ordinal) || (p.EndsWith("sessions.json", StringComparison.Ordinal) && p.Contains("/main/", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_index_that_cannot_be_opened_is_reported_not_fatal()
    {
        using var temp = new TempDir();
        var path = temp.Combine("sessions.json");
        File.WriteAllText(path, "{}");
        // A read failure the boundary allows: the test runs as root, so a permission bit would not stop it, but a file
        // that vanishes between the check and the open does the same.
        var files = new SafeFileAccess(temp.Path);
        files.Opened += p => File.Delete(p);
        var index = SessionIndexReader.Read(path, "main", files);
        Assert.Empty(index.Entries);
        Assert.StartsWith("cannot be read: ", index.Problem);
    }

    [Fact]
    public void Missing_and_empty_stores_have_no_entries()
    {
        Assert.Equal(SessionIndexShape.None, Read("").Shape);
        Assert.Equal(SessionIndexShape.None, SessionIndexReader.Read("/nonexistent/sessions.json", "main", new SafeFileAccess("/")).Shape);
    }
}
