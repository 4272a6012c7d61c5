namespace ClawLearn.Wiki;

/// <summary>
/// A bootstrap file or MEMORY.md section with what it costs per run and the evidence of use: the learning store's
/// posterior when there is one, else how many of the runs read now referenced it (trace-contract 6's rule).
/// </summary>
public sealed record PromptComponent(string ArmId, string Label, string? Page, int Tokens, int Chars, bool Hidden, long Runs, long? References,
    ArmEvidence? Evidence)
{
    /// <summary>Whether anything was observed at all: a run that had it, or a posterior.</summary>
    public bool Observed => Evidence is { Pulls: > 0 } || (Evidence is null && Runs > 0);

    public bool NeverUsed => Observed && (Evidence is { } e ? !e.Referenced : References == 0);

    /// <summary>The chance a run uses it: the posterior mean, else the share of runs that referenced it.</summary>
    public double UseRate => Evidence is { } e ? e.Mean : Runs > 0 ? (double)(References ?? 0) / Runs : 0;

    /// <summary>Tokens per run spent on it without it being used, on average.</summary>
    public double Waste => Tokens * (1 - UseRate);
}
