namespace ClawLearn.Learning;

/// <summary>An arm's Beta posterior (prior included). <see cref="LastUpdated"/> is a trace timestamp, never the wall clock.</summary>
public sealed record Posterior(string ArmId, double Alpha, double Beta, long Pulls, long LastUpdated)
{
    public double Mean => BetaMath.Mean(Alpha, Beta);
}
