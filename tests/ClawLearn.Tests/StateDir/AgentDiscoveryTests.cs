using ClawLearn.StateDir;
using ClawLearn.Tests.Fixtures;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.StateDir;

public class AgentDiscoveryTests
{
    [Fact]
    public void Agents_come_from_folders_and_config_with_the_default_first()
    {
        using var fixture = new FixtureDir();
        var state = fixture.Open();
        Assert.Equal(["main", "ops", "research"], state.Agents.Select(a => a.Id));
        Assert.True(state.Agents[0].IsDefault);
        Assert.False(state.Agent("ops")!.InConfig);
        Assert.True(state.Agent("RESEARCH")!.InConfig);
    }

    [Fact]
    public void Workspaces_follow_config_then_the_relocated_state_dir()
    {
        using var fixture = new FixtureDir();
        var state = fixture.Open();
        Assert.Equal((fixture.Path("workspace"), WorkspaceSource.StateDir), (state.Agent("main")!.WorkspacePath, state.Agent("main")!.WorkspaceSource));
        var research = state.Agent("research")!;
        Assert.Equal((StateDirFixture.ResearchWorkspace(fixture.Root, default), WorkspaceSource.AgentConfig), (research.WorkspacePath, research.WorkspaceSource));
        Assert.Equal(fixture.Path("workspace-ops"), state.Agent("ops")!.WorkspacePath);
    }

    [Fact]
    public void Defaults_workspace_applies_to_the_default_agent_only_and_home_defaults_come_last()
    {
        using var temp = new TempDir();
        var stateDir = temp.Combine("state");
        var home = temp.Combine("home");
        Directory.CreateDirectory(Path.Combine(stateDir, "agents", "main"));
        Directory.CreateDirectory(Path.Combine(stateDir, "agents", "other"));
        Directory.CreateDirectory(Path.Combine(home, ".openclaw", "workspace-other"));
        File.WriteAllText(Path.Combine(stateDir, "openclaw.json"), "{ agents: { defaults: { workspace: '~/my-ws' } } }");
        var state = StateDirectory.Open(StateDirResolver.Resolve(stateDir, _ => null, home));
        Assert.Equal((Path.Combine(home, "my-ws"), WorkspaceSource.DefaultsConfig), (state.Agent("main")!.WorkspacePath, state.Agent("main")!.WorkspaceSource));
        Assert.Equal((Path.Combine(home, ".openclaw", "workspace-other"), WorkspaceSource.HomeDefault), (state.Agent("other")!.WorkspacePath, state.Agent("other")!.WorkspaceSource));
    }

    [Fact]
    public void Session_store_setting_moves_the_index_per_agent()
    {
        using var temp = new TempDir();
        var stateDir = temp.Combine("state");
        Directory.CreateDirectory(stateDir);
        File.WriteAllText(Path.Combine(stateDir, "openclaw.json"), "{ session: { store: './stores/{agentId}/sessions.json' }, agents: { list: [{ id: 'a' }] } }");
        var state = StateDirectory.Open(StateDirResolver.Resolve(stateDir, _ => null, temp.Path));
        Assert.Equal(Path.Combine(stateDir, "stores", "a", "sessions.json"), state.Agent("a")!.SessionIndexPath);
    }

    [Theory]
    [InlineData("""{ agents: { list: [{ id: 'main', workspace: 'ws\u0000x' }] } }""", "agent 'main' workspace")]
    [InlineData("""{ agents: { defaults: { workspace: '\u0000' } } }""", "agents.defaults.workspace")]
    [InlineData("""{ agents: { list: [{ id: 'main', agentDir: 'a\u0000' }] } }""", "agent 'main' agentDir")]
    [InlineData("""{ session: { store: '\u0000/{agentId}.json' } }""", "session.store")]
    [InlineData("""{ $include: 'x\u0000.json' }""", "$include")]
    public void A_configured_path_with_a_nul_character_is_a_config_error_naming_the_setting(string config, string setting)
    {
        using var temp = new TempDir();
        var stateDir = temp.Combine("state");
        Directory.CreateDirectory(Path.Combine(stateDir, "agents", "main"));
        File.WriteAllText(Path.Combine(stateDir, "openclaw.json"), config);
        var error = Assert.Throws<ClawLearn.Config.ConfigException>(() => StateDirectory.Open(StateDirResolver.Resolve(stateDir, _ => null, temp.Path)));
        Assert.Contains(setting, error.Message);
        Assert.Contains("NUL", error.Message);
        Assert.StartsWith(Path.Combine(stateDir, "openclaw.json"), error.Message);
    }

    [Fact]
    public void A_missing_state_dir_is_a_clear_error()
    {
        using var temp = new TempDir();
        var error = Assert.Throws<DirectoryNotFoundException>(() => StateDirectory.Open(StateDirResolver.Resolve(temp.Combine("nope"), _ => null, temp.Path)));
        Assert.Contains("--state-dir", error.Message);
    }
}
