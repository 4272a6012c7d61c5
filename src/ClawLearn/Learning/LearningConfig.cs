namespace ClawLearn.Learning;

/// <summary>
/// The <c>learning</c> section of <c>openclaw.json</c> with the reference defaults; every value can be overridden
/// by a CLI flag. <see cref="SeedBoost"/> multiplies a seed arm's prior alpha (1 = no boost).
/// </summary>
public readonly record struct LearningConfig
{
    public LearningConfig() { }

    public bool Enabled { get; init; }
    public string Phase { get; init; } = "passive";
    public int TokenBudget { get; init; } = 8000;
    public double BaselineRate { get; init; } = 0.1;
    public int MinPulls { get; init; } = 5;
    /// <summary>Half-life of observations in days; null (the default) means no decay.</summary>
    public double? DecayHalfLifeDays { get; init; }
    public IReadOnlyList<string> SeedArms { get; init; } = [];
    public double SeedBoost { get; init; } = 1.0;
    /// <summary>Token cost of a tool with no system-prompt report entry. Default 200.</summary>
    public int ToolTokenEstimate { get; init; } = 200;
    /// <summary>Token cost of a skill with no report entry (the reference's fixed 250).</summary>
    public int SkillTokenEstimate { get; init; } = 250;

    public bool IsActive => Phase == "active";
}
