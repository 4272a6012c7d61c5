using ClawLearn.Learning;

namespace ClawLearn.Selection;

/// <summary>How selection decides (learning-layer 2.3 with its bugs fixed).</summary>
public readonly record struct SelectionOptions
{
    public SelectionOptions() { }

    public int TokenBudget { get; init; } = 8000;
    public double BaselineRate { get; init; } = 0.1;
    public int MinPulls { get; init; } = 5;
    public SeedArms Seeds { get; init; } = SeedArms.None;
    public double SeedBoost { get; init; } = 1.0;
    /// <summary>Monte-Carlo rounds for inclusion propensities; the standard error is at most 0.5/√rounds. Default 2000
    /// (≤ 0.011); 0 skips them (a live prompt that needs only the decision).</summary>
    public int PropensityRounds { get; init; } = 2000;

    public static SelectionOptions From(LearningConfig config) => new()
    {
        TokenBudget = config.TokenBudget,
        BaselineRate = config.BaselineRate,
        MinPulls = config.MinPulls,
        Seeds = new SeedArms(config.SeedArms),
        SeedBoost = config.SeedBoost,
    };
}
