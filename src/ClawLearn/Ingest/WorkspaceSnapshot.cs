using System.Security.Cryptography;
using System.Text;
using ClawLearn.Runs;
using ClawLearn.StateDir;

namespace ClawLearn.Ingest;

/// <summary>
/// An agent's workspace as ingest sees it: the inventory traces are built from, the reference targets runs are
/// matched against, and fingerprints that tell when stored run facts went stale (bootstrap files and MEMORY.md
/// as a whole; daily notes one by one, since today's note changes all day).
/// </summary>
internal sealed class WorkspaceSnapshot
{
    private WorkspaceSnapshot(AgentInventory inventory, ReferenceTargets targets, string fingerprint, IReadOnlyDictionary<DateOnly, string> noteHashes)
    {
        Inventory = inventory;
        Targets = targets;
        Fingerprint = fingerprint;
        NoteHashes = noteHashes;
    }

    public AgentInventory Inventory { get; }
    public ReferenceTargets Targets { get; }
    public string Fingerprint { get; }
    public IReadOnlyDictionary<DateOnly, string> NoteHashes { get; }

    public static WorkspaceSnapshot Read(StateDirectory state, AgentLayout agent)
    {
        var ws = state.ReadWorkspace(agent);
        var notes = new Dictionary<DateOnly, string>();
        foreach (var note in ws.DailyNotes) notes[note.Date] = state.Files.ReadAllText(note.Path);
        var inventory = new AgentInventory(ws.BootstrapFiles, ws.MemorySections, notes.ToDictionary(n => n.Key, n => n.Value.Length));
        var targets = new ReferenceTargets(ws.MemorySections, notes.Keys, date => notes.GetValueOrDefault(date));

        var sb = new StringBuilder("v1\n");
        foreach (var file in ws.BootstrapFiles) sb.Append(file.Name).Append('\n').Append(file.Content.Injected).Append('\n');
        // Sections with their lines and sizes: an edit in the truncated middle changes references and costs too.
        foreach (var section in ws.MemorySections)
        {
            sb.Append(section.ArmId).Append(' ').Append(section.Start).Append(' ').Append(section.End).Append(' ').Append(section.HiddenByTruncation).Append('\n');
            foreach (var line in section.Lines) sb.Append(line).Append('\n');
        }
        return new WorkspaceSnapshot(inventory, targets, Hash(sb.ToString()), notes.ToDictionary(n => n.Key, n => Hash(n.Value)));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
