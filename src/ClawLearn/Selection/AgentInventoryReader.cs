using ClawLearn.Learning;
using ClawLearn.StateDir;
using ClawLearn.Storage;

namespace ClawLearn.Selection;

/// <summary>
/// The components the agent's next prompt would carry: tools and skills as its latest trace knew them, and from
/// the workspace as it is now the bootstrap files, the MEMORY.md sections the model can see (truncated ones are
/// never in the prompt, so there is nothing to select), and the daily notes of a given day and the day before.
/// </summary>
public static class AgentInventoryReader
{
    public static IReadOnlyList<SelectionArm> Read(StateDirectory state, AgentLayout agent, ILearningStore store, DateOnly today)
    {
        var arms = new List<SelectionArm>();
        var latest = store.TracesNewestFirst(agent.Id, limit: 1).FirstOrDefault();
        foreach (var arm in latest?.Arms ?? [])
        {
            if (arm.ArmId.StartsWith("tool:", StringComparison.Ordinal) || arm.ArmId.StartsWith("skill:", StringComparison.Ordinal))
                arms.Add(new SelectionArm(arm.ArmId, arm.TokenCost));
        }
        var workspace = state.ReadWorkspace(agent);
        foreach (var file in workspace.BootstrapFiles) arms.Add(new SelectionArm(file.ArmId, (file.Content.InjectedChars + 3) / 4));
        foreach (var section in workspace.MemorySections.Where(s => !s.HiddenByTruncation)) arms.Add(new SelectionArm(section.ArmId, section.TokenCost));
        foreach (var note in workspace.DailyNotes.Where(n => n.Date == today || n.Date == today.AddDays(-1)))
            arms.Add(new SelectionArm(ArmId.DailyNote(note.Date), (state.Files.ReadAllText(note.Path).Length + 3) / 4));
        return arms;
    }
}
