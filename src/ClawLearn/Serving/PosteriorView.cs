namespace ClawLearn.Serving;

/// <summary>One arm as <c>GET posteriors</c> shows it (learning-layer 4.1, plus whether truncation hides it).</summary>
public sealed record PosteriorView(
    string ArmId,
    double Alpha,
    double Beta,
    double Mean,
    long Pulls,
    long LastUpdated,
    bool IsSeed,
    bool IsUnderexplored,
    CredibleInterval CredibleInterval,
    string Confidence,
    bool HiddenByTruncation);

/// <summary>A 95 % credible interval of a posterior mean.</summary>
public sealed record CredibleInterval(double Lower, double Upper);
