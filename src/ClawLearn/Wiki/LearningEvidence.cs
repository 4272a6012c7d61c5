namespace ClawLearn.Wiki;

/// <summary>What the agent's learning store (written by <c>clawlearn ingest</c>) knows: posteriors of tools, skills,
/// bootstrap files and MEMORY.md sections. Absent when the agent was never ingested.</summary>
public sealed record LearningEvidence(long Traces, IReadOnlyList<ArmEvidence> Arms)
{
    public ArmEvidence? Arm(string armId) => Arms.FirstOrDefault(a => a.ArmId == armId);
}
