using ClawLearn.Learning;

namespace ClawLearn.Tests.Learning;

public class LearningCoreTests
{
    [Theory]
    [InlineData("tool:exec:bash", "tool", "exec", "bash")]
    [InlineData("file:workspace:path:to:file.md", "file", "workspace", "path:to:file.md")]
    [InlineData("memory:projects:home-assistant", "memory", "projects", "home-assistant")]
    [InlineData("section:a:b", "section", "a", "b")]
    [InlineData("skill:wiki-ingest:main", "skill", "wiki-ingest", "main")]
    public void Arm_ids_parse_with_colons_in_the_id(string text, string type, string category, string id) =>
        Assert.Equal(new ArmId(type, category, id), ArmId.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("tool")]
    [InlineData("tool:exec")]
    [InlineData("banana:cat:id")]
    [InlineData("Tool:exec:bash")]
    [InlineData("tool::bash")]
    [InlineData("tool:exec:")]
    public void Invalid_arm_ids_do_not_parse(string text) => Assert.Null(ArmId.Parse(text));

    [Theory]
    [InlineData("bash", "exec")]
    [InlineData("runner", "exec")]
    [InlineData("Exec", "exec")]
    [InlineData("readme_tool", "fs")]
    [InlineData("read", "fs")]
    [InlineData("grep", "fs")]
    [InlineData("memory_search", "memory")]
    [InlineData("recall", "memory")]
    [InlineData("web_fetch", "web")]
    [InlineData("search", "web")]
    [InlineData("browser", "web")]
    [InlineData("message", "messaging")]
    [InlineData("sessions_send", "other")]
    [InlineData("apply_patch", "other")]
    public void Tool_categories_come_from_the_name_prefix(string name, string category) => Assert.Equal(category, ToolCategories.Of(name));

    [Fact]
    public void Beta_helpers_match_closed_forms()
    {
        Assert.Equal(0.5, BetaMath.Mean(0, 0));
        Assert.Equal(0.75, BetaMath.Mean(3, 1));
        Assert.Equal(1.0 / 12, BetaMath.Variance(1, 1), 12);
        Assert.Equal(0, BetaMath.Variance(0, 0));
        var (lo, hi) = BetaMath.CredibleInterval(142, 12);
        var sd = Math.Sqrt(BetaMath.Variance(142, 12));
        Assert.Equal(BetaMath.Mean(142, 12) - 1.959963984540054 * sd, lo, 12);
        Assert.Equal(BetaMath.Mean(142, 12) + 1.959963984540054 * sd, hi, 12);
        Assert.Equal((0.0, 1.0), BetaMath.CredibleInterval(1, 1, 0.9999));
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.5, 0)]
    [InlineData(0.001, -3.090232306167813)]
    public void Normal_quantile_is_accurate(double p, double z) => Assert.Equal(z, BetaMath.NormalQuantile(p), tolerance: 1e-8);

    [Theory]
    [InlineData(0, "low")]
    [InlineData(4, "low")]
    [InlineData(5, "medium")]
    [InlineData(19, "medium")]
    [InlineData(20, "high")]
    public void Confidence_tiers(long pulls, string level) => Assert.Equal(level, BetaMath.Confidence(pulls));

    [Fact]
    public void Seed_arms_match_case_insensitively_with_globs()
    {
        var seeds = new SeedArms(["tool:fs:Read", "tool:web:*"]);
        Assert.True(seeds.Matches("tool:fs:read"));
        Assert.True(seeds.Matches("tool:web:web_fetch"));
        Assert.False(seeds.Matches("tool:fs:write"));
        Assert.False(seeds.Matches("xtool:web:a"));
    }
}
