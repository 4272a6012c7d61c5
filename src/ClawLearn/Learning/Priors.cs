namespace ClawLearn.Learning;

/// <summary>Priors (trace-contract 7): <c>file:</c> arms Beta(1,1), every other type Beta(3,1); seeds boosted.</summary>
public static class Priors
{
    public static (double Alpha, double Beta) For(string armId, SeedArms seeds, double seedBoost)
    {
        var isFile = armId.StartsWith(ArmTypes.File + ":", StringComparison.Ordinal);
        var alpha = isFile ? 1.0 : 3.0;
        if (seedBoost > 0 && seeds.Matches(armId)) alpha *= seedBoost;
        return (alpha, 1.0);
    }
}
