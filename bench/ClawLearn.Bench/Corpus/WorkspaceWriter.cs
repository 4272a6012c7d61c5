namespace ClawLearn.Bench.Corpus;

/// <summary>The default agent's workspace (bootstrap files, a MEMORY.md, a month of daily notes) and small ones for the others.</summary>
internal static class WorkspaceWriter
{
    public static void Write(string root)
    {
        var workspace = Path.Combine(root, "workspace");
        Directory.CreateDirectory(Path.Combine(workspace, "memory"));
        File.WriteAllText(Path.Combine(workspace, "AGENTS.md"), "# AGENTS.md\n\nRead MEMORY.md and today's note first.\n");
        File.WriteAllText(Path.Combine(workspace, "SOUL.md"), "# SOUL.md\n\nPractical and terse.\n");
        File.WriteAllText(Path.Combine(workspace, "MEMORY.md"), "# Memory\n\n## Projects\n### zigbee\n- Answer pinned to channel 25 per MEMORY.md is the rule.\n\n## Lessons\n- Always check the logs before changing any code at all.\n");
        for (var day = 1; day <= 28; day++)
            File.WriteAllText(Path.Combine(workspace, "memory", $"2026-07-{day:00}.md"), $"# 2026-07-{day:00}\n\n- Question {day}: what did we decide about the Zigbee channel?\n");
        // Non-default agents get workspace-<id> (openclaw-formats A0), so no agent's workspace reads as missing.
        foreach (var agent in new[] { CorpusPlan.ResearchAgent, CorpusPlan.OpsAgent })
        {
            var own = Path.Combine(root, $"workspace-{agent}");
            Directory.CreateDirectory(own);
            File.WriteAllText(Path.Combine(own, "AGENTS.md"), $"# AGENTS.md\n\nThe {agent} agent. Read MEMORY.md first.\n");
            File.WriteAllText(Path.Combine(own, "MEMORY.md"), $"# Memory\n\n## {agent}\n- Keep answers short and cite the source.\n");
        }
    }
}
