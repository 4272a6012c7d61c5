using ClawLearn.Sessions;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Sessions;

public class SessionDiscoveryTests
{
    [Fact]
    public void Finds_every_era_and_gives_each_session_its_id()
    {
        using var fixture = new FixtureDir();
        var catalog = SessionDiscovery.Discover(fixture.Open());
        var main = catalog.Sessions.Where(s => s.AgentId == "main").ToDictionary(s => s.SessionId);
        Assert.Equal(
            new[] { SessionIds.MainDm, SessionIds.Topic, SessionIds.Fork, SessionIds.Subagent, SessionIds.Cron, SessionIds.Old,
                SessionIds.V2Header, SessionIds.Headerless, SessionIds.Quirks, SessionIds.SqliteOnly, SessionIds.Legacy }.Order(),
            main.Keys.Order());
        Assert.Equal(SessionSourceKind.Sqlite, main[SessionIds.SqliteOnly].Source.Kind);
        Assert.EndsWith(StateDirFixture.ForkFileName, main[SessionIds.Fork].Source.Path);   // id from the header, not the pi-style name
        Assert.EndsWith($"{SessionIds.Headerless}.jsonl", main[SessionIds.Headerless].Source.Path); // no header: the stem
        Assert.Equal(Path.Combine(fixture.Root, "sessions", $"{SessionIds.Legacy}.jsonl"), main[SessionIds.Legacy].Source.Path);
        Assert.Equal([SessionIds.OpsA, SessionIds.OpsB], catalog.Sessions.Where(s => s.AgentId == "ops").Select(s => s.SessionId));
        Assert.Equal([SessionIds.ResearchA, SessionIds.ResearchB, SessionIds.ResearchTopic],
            catalog.Sessions.Where(s => s.AgentId == "research").Select(s => s.SessionId));
    }

    [Fact]
    public void Duplicates_keep_the_source_with_more_events_and_ties_go_to_sqlite()
    {
        using var fixture = new FixtureDir();
        var catalog = SessionDiscovery.Discover(fixture.Open());
        var byId = catalog.Sessions.ToDictionary(s => (s.AgentId, s.SessionId));
        Assert.Equal(SessionSourceKind.Sqlite, byId[("main", SessionIds.Topic)].Source.Kind); // 7 events each: SQLite wins
        Assert.Equal(SessionSourceKind.Jsonl, byId[("main", SessionIds.Old)].Source.Kind);    // the file has more events
        Assert.Equal(2, catalog.Skipped.Count);
        Assert.Contains(catalog.Skipped, s => s.Source.Kind == SessionSourceKind.Jsonl && s.Source.SessionId == SessionIds.Topic && s.Reason.Contains("7 events vs 7"));
        Assert.Contains(catalog.Skipped, s => s.Source.Kind == SessionSourceKind.Sqlite && s.Source.SessionId == SessionIds.Old);
    }

    [Fact]
    public void Archives_are_read_only_on_request_and_lose_to_the_live_copy()
    {
        using var fixture = new FixtureDir();
        var state = fixture.Open();
        Assert.DoesNotContain(SessionDiscovery.Discover(state).Sessions, s => s.Source.Kind == SessionSourceKind.Archived);
        var catalog = SessionDiscovery.Discover(state, new DiscoveryOptions { IncludeArchived = true });
        Assert.Equal(new[] { SessionIds.Deleted, SessionIds.OpsDeleted }.Order(),
            catalog.Sessions.Where(s => s.Source.Kind == SessionSourceKind.Archived).Select(s => s.SessionId).Order());
        Assert.Contains(catalog.Skipped, s => s.Source.Kind == SessionSourceKind.Archived && s.Source.SessionId == SessionIds.MainDm);
        Assert.Equal(SessionSourceKind.Jsonl, catalog.Sessions.Single(s => s.SessionId == SessionIds.MainDm).Source.Kind);
    }

    [Fact]
    public void Keys_channels_titles_and_subagents_resolve_per_the_contract()
    {
        using var fixture = new FixtureDir();
        var sessions = SessionDiscovery.Discover(fixture.Open()).Sessions.ToDictionary(s => s.SessionId);
        Assert.Equal(("agent:main:main", "telegram"), (sessions[SessionIds.MainDm].SessionKey, sessions[SessionIds.MainDm].Channel));
        Assert.Equal("telegram", sessions[SessionIds.Topic].Channel);
        Assert.Equal(("agent:main:discord:channel:112233445566778899:thread:998877", "discord"), (sessions[SessionIds.Fork].SessionKey, sessions[SessionIds.Fork].Channel)); // from the key
        Assert.True(sessions[SessionIds.Subagent].IsSubagent);
        Assert.Null(sessions[SessionIds.Subagent].Channel); // "subagent" is a scope word, not a channel
        Assert.Equal("cron", sessions[SessionIds.Cron].Channel);
        Assert.Equal((null, null), (sessions[SessionIds.Old].SessionKey, sessions[SessionIds.Old].Channel)); // not in the store
        Assert.Equal(("discord", "homelab backups"), (sessions[SessionIds.SqliteOnly].Channel, sessions[SessionIds.SqliteOnly].Name)); // session_nodes
        Assert.Equal(("agent:ops:slack:channel:C0OPS", "slack"), (sessions[SessionIds.OpsB].SessionKey, sessions[SessionIds.OpsB].Channel)); // session_windows
        Assert.Null(sessions[SessionIds.OpsA].Channel); // cron key, no channel column
        Assert.Equal(("vector DB comparison", null), (sessions[SessionIds.ResearchA].Name, sessions[SessionIds.ResearchA].Channel));
        Assert.Equal("telegram", sessions[SessionIds.ResearchTopic].Channel); // a -topic- file with nothing better
        Assert.Equal(("anthropic", "claude-opus-4-5"), (sessions[SessionIds.MainDm].FallbackProvider, sessions[SessionIds.MainDm].FallbackModel));
        Assert.Equal(("openai", "gpt-5.2"), (sessions[SessionIds.OpsA].FallbackProvider, sessions[SessionIds.OpsA].FallbackModel));
    }

    [Theory]
    [InlineData("agent:main:telegram:group:-100", "telegram")]
    [InlineData("agent:main:main", null)]
    [InlineData("agent:main:dm:123", null)]
    [InlineData("agent:main:subagent:uuid", null)]
    [InlineData("agent:main:cron:job", null)]
    [InlineData("agent:main:hook:uuid", null)]
    [InlineData("agent:main:main:x", null)]
    [InlineData("agent:main:slack", null)]
    [InlineData("global", null)]
    public void Channel_from_key_needs_four_segments_and_no_scope_word(string key, string? channel) =>
        Assert.Equal(channel, SessionDiscovery.ChannelFromKey(key));

    [Fact]
    public void One_agent_can_be_chosen()
    {
        using var fixture = new FixtureDir();
        var catalog = SessionDiscovery.Discover(fixture.Open(), new DiscoveryOptions { AgentId = "research" });
        Assert.All(catalog.Sessions, s => Assert.Equal("research", s.AgentId));
        Assert.Equal(3, catalog.Sessions.Count);
    }
}
