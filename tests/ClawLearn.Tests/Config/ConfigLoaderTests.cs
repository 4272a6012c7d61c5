using ClawLearn.Config;
using ClawLearn.StateDir;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Config;

public class ConfigLoaderTests
{
    private static string WriteFile(TempDir dir, string name, string text)
    {
        var path = dir.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Resolves_includes_relative_to_the_including_file_and_merges_siblings_over_them()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ channels: { $include: './inc/channels.json5', extra: 1 } }");
        WriteFile(dir, "inc/channels.json5", "{ telegram: { $include: 'deeper/tg.json5' }, extra: 0 }");
        WriteFile(dir, "inc/deeper/tg.json5", "{ botToken: 'x', groups: ['a'] }");
        var root = ConfigLoader.Load(config, new SafeFileAccess(dir.Path));
        Assert.Equal("x", (string?)root["channels"]!["telegram"]!["botToken"]);
        Assert.Equal(1L, (long)root["channels"]!["extra"]!);
    }

    [Fact]
    public void Deep_merges_an_array_of_includes_in_order()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ agents: { $include: ['a.json5', 'b.json5'] } }");
        WriteFile(dir, "a.json5", "{ list: [{ id: 'main' }], defaults: { workspace: '~/a', bootstrapMaxChars: 100 } }");
        WriteFile(dir, "b.json5", "{ list: [{ id: 'research' }], defaults: { workspace: '~/b' } }");
        var root = ConfigLoader.Load(config, new SafeFileAccess(dir.Path));
        var agents = root["agents"]!;
        Assert.Equal(["main", "research"], agents["list"]!.AsArray().Select(n => (string?)n!["id"]));
        Assert.Equal("~/b", (string?)agents["defaults"]!["workspace"]);
        Assert.Equal(100L, (long)agents["defaults"]!["bootstrapMaxChars"]!);
    }

    [Fact]
    public void A_cycle_is_an_error_naming_the_chain()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ a: { $include: 'one.json5' } }");
        WriteFile(dir, "one.json5", "{ b: { $include: 'two.json5' } }");
        WriteFile(dir, "two.json5", "{ c: { $include: 'one.json5' } }");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(config, new SafeFileAccess(dir.Path)));
        Assert.Contains("openclaw.json -> one.json5 -> two.json5 -> one.json5", error.Message);
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void Includes_deeper_than_ten_levels_are_an_error()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ v: { $include: 'l1.json5' } }");
        for (var i = 1; i <= 11; i++) WriteFile(dir, $"l{i}.json5", $"{{ v: {{ $include: 'l{i + 1}.json5' }} }}");
        WriteFile(dir, "l12.json5", "{ end: true }");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(config, new SafeFileAccess(dir.Path)));
        Assert.Contains("deeper than 10", error.Message);
    }

    [Fact]
    public void Ten_levels_of_includes_are_fine()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ v: { $include: 'l1.json5' } }");
        for (var i = 1; i < 10; i++) WriteFile(dir, $"l{i}.json5", $"{{ v: {{ $include: 'l{i + 1}.json5' }} }}");
        WriteFile(dir, "l10.json5", "{ end: true }");
        var root = ConfigLoader.Load(config, new SafeFileAccess(dir.Path));
        Assert.NotNull(root["v"]);
    }

    [Fact]
    public void A_syntax_error_in_an_include_names_that_file_line_and_column()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ channels: { $include: 'bad.json5' } }");
        var bad = WriteFile(dir, "bad.json5", "{\n  ok: 1,\n  broken: [1 2]\n}");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(config, new SafeFileAccess(dir.Path)));
        Assert.Equal(bad, error.File);
        Assert.Equal((3, 14), (error.Line, error.Column));
    }

    [Fact]
    public void A_missing_include_is_an_error_naming_the_includer()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ channels: { $include: 'nope.json5' } }");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(config, new SafeFileAccess(dir.Path)));
        Assert.Equal(config, error.File);
        Assert.Contains("nope.json5", error.Message);
    }

    [Fact]
    public void An_include_that_never_ends_is_an_error_not_an_out_of_memory()
    {
        Assert.True(File.Exists("/dev/zero"), "this test needs /dev/zero (Linux, macOS)");
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ channels: { $include: '/dev/zero' } }");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(config, new SafeFileAccess(dir.Path)));
        Assert.Equal(config, error.File);
        // Refused as a device before a byte is read (before that, by the 64 MB limit as it was read, after ~0.6 s).
        Assert.Contains("/dev/zero is a named pipe, socket or device, not a file", error.Message);
    }

    [Fact]
    public void An_include_larger_than_a_text_file_may_be_is_refused_before_it_is_read()
    {
        using var dir = new TempDir();
        var config = WriteFile(dir, "openclaw.json", "{ channels: { $include: 'big.json5' } }");
        using (var big = File.Create(dir.Combine("big.json5"))) big.SetLength(SafeFileAccess.MaxTextBytes + 1); // sparse
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(config, new SafeFileAccess(dir.Path)));
        Assert.Contains("larger than 64 MB", error.Message);
    }

    [Fact]
    public void Typed_view_reads_agents_defaults_and_bootstrap_limit()
    {
        var root = (System.Text.Json.Nodes.JsonObject)Json5Reader.Parse("""
            { agents: { defaults: { workspace: '~/ws', bootstrapMaxChars: 12000.7 },
                        list: [ { id: 'Main Agent' }, { id: 'research', default: true, workspace: '/w/r' } ] },
              session: { store: '~/.openclaw/agents/{agentId}/sessions/sessions.json' } }
            """)!;
        var config = OpenClawConfig.From(root);
        Assert.Equal(["main-agent", "research"], config.Agents.Select(a => a.Id));
        Assert.Equal("research", config.DefaultAgentId);
        Assert.Equal("~/ws", config.DefaultsWorkspace);
        Assert.Equal(12000, config.BootstrapMaxChars);
        Assert.Equal("~/.openclaw/agents/{agentId}/sessions/sessions.json", config.SessionStore);
    }

    [Theory]
    [InlineData("0", 20000)]
    [InlineData("-5", 20000)]
    [InlineData("Infinity", 20000)]
    [InlineData("NaN", 20000)]
    [InlineData("'20'", 20000)]
    [InlineData("0x100", 256)]
    public void Bootstrap_limit_falls_back_to_20000_unless_positive_and_finite(string value, int expected)
    {
        var root = (System.Text.Json.Nodes.JsonObject)Json5Reader.Parse($"{{ agents: {{ defaults: {{ bootstrapMaxChars: {value} }} }} }}")!;
        Assert.Equal(expected, OpenClawConfig.From(root).BootstrapMaxChars);
    }

    [Fact]
    public void Without_agents_list_the_default_agent_is_main() =>
        Assert.Equal("main", OpenClawConfig.Empty.DefaultAgentId);
}
