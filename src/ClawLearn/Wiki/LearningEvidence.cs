namespace ClawLearn.Wiki;

/// <summary>What the agent's learning store (written by <c>clawlearn ingest</c>) knows: posteriors of tools, skills,
/// bootstrap files and MEMORY.md sections. Absent when the agent was never ingested.</summary>
public sealed record LearningEvidence(long Traces, IReadOnlyList<ArmEvidence> Arms)
{
    // Kept beside the record, not in it, so a record's equality stays that of its data. Every tool and skill page asks
    // for its arm: searching the list each time made thousands of tools a square.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LearningEvidence, Dictionary<string, ArmEvidence>> ById = [];

    public ArmEvidence? Arm(string armId) =>
        ById.GetValue(this, e => e.Arms.GroupBy(a => a.ArmId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal))
            .GetValueOrDefault(armId);
}
