using ClawLearn.StateDir;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.StateDir;

public class StateDirResolverTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Key == name).Value;

    [Fact]
    public void Command_line_wins_over_everything_and_expands_tilde()
    {
        using var home = new TempDir();
        Directory.CreateDirectory(home.Combine(".openclaw"));
        var resolved = StateDirResolver.Resolve("~/copy", Env(("OPENCLAW_STATE_DIR", "/elsewhere")), home.Path);
        Assert.Equal(home.Combine("copy"), resolved.Path);
        Assert.Equal(StateDirSource.CommandLine, resolved.Source);
    }

    [Theory]
    [InlineData("OPENCLAW_STATE_DIR")]
    [InlineData("CLAWDBOT_STATE_DIR")]
    public void Environment_variable_comes_next(string variable)
    {
        using var home = new TempDir();
        var resolved = StateDirResolver.Resolve(null, Env((variable, "~/state")), home.Path);
        Assert.Equal(home.Combine("state"), resolved.Path);
        Assert.Equal(StateDirSource.Environment, resolved.Source);
    }

    [Fact]
    public void Dot_openclaw_wins_over_legacy_names_when_it_exists()
    {
        using var home = new TempDir();
        Directory.CreateDirectory(home.Combine(".openclaw"));
        Directory.CreateDirectory(home.Combine(".clawdbot"));
        var resolved = StateDirResolver.Resolve(null, Env(), home.Path);
        Assert.Equal((home.Combine(".openclaw"), StateDirSource.Default), (resolved.Path, resolved.Source));
    }

    [Theory]
    [InlineData(".clawdbot")]
    [InlineData(".moltbot")]
    [InlineData(".moldbot")]
    public void Falls_back_to_an_existing_legacy_directory(string legacy)
    {
        using var home = new TempDir();
        Directory.CreateDirectory(home.Combine(legacy));
        var resolved = StateDirResolver.Resolve(null, Env(), home.Path);
        Assert.Equal((home.Combine(legacy), StateDirSource.Legacy), (resolved.Path, resolved.Source));
    }

    [Fact]
    public void Legacy_names_are_tried_in_order()
    {
        using var home = new TempDir();
        Directory.CreateDirectory(home.Combine(".moldbot"));
        Directory.CreateDirectory(home.Combine(".moltbot"));
        Assert.Equal(home.Combine(".moltbot"), StateDirResolver.Resolve(null, Env(), home.Path).Path);
    }

    [Fact]
    public void Nothing_existing_means_dot_openclaw()
    {
        using var home = new TempDir();
        var resolved = StateDirResolver.Resolve(null, Env(), home.Path);
        Assert.Equal(home.Combine(".openclaw"), resolved.Path);
        Assert.False(resolved.Exists);
    }

    [Fact]
    public void Config_path_prefers_the_environment_then_openclaw_json_then_legacy_names()
    {
        using var home = new TempDir();
        var state = home.Combine("s");
        Directory.CreateDirectory(state);
        Assert.Equal(Path.Combine(state, "openclaw.json"), StateDirResolver.Resolve(state, Env(), home.Path).ConfigPath);
        File.WriteAllText(Path.Combine(state, "clawdbot.json"), "{}");
        Assert.Equal(Path.Combine(state, "clawdbot.json"), StateDirResolver.Resolve(state, Env(), home.Path).ConfigPath);
        File.WriteAllText(Path.Combine(state, "openclaw.json"), "{}");
        Assert.Equal(Path.Combine(state, "openclaw.json"), StateDirResolver.Resolve(state, Env(), home.Path).ConfigPath);
        Assert.Equal(home.Combine("c.json"), StateDirResolver.Resolve(state, Env(("OPENCLAW_CONFIG_PATH", "~/c.json")), home.Path).ConfigPath);
    }
}
