using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>An arm's posterior from the learning store, and whether any stored run ever referenced it.</summary>
public sealed record ArmEvidence(string ArmId, double Alpha, double Beta, long Pulls, bool Referenced)
{
    [JsonIgnore]
    public double Mean => Learning.BetaMath.Mean(Alpha, Beta);
}
