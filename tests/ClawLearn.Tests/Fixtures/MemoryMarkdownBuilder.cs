using System.Text;

namespace ClawLearn.Tests.Fixtures;

/// <summary>
/// Builds a MEMORY.md of exactly 26,000 characters (after trimming) whose layout is known to the character:
/// with the default bootstrapMaxChars of 20,000, OpenClaw keeps characters [0, 14000) and [22000, 26000);
/// the whole "## Archive" section lies in the dropped middle, so its three arms are hidden.
/// </summary>
public static class MemoryMarkdownBuilder
{
    public const int TotalChars = 26000;
    public const string KeptStartSentence = "Prefers concise responses without trailing summaries.";
    public const string CutMiddleSentence = "The Lisbon apartment door code lives only in the archive section.";
    public const string KeptEndSentence = "Debugging: always check the logs before changing any code.";

    public static string Build()
    {
        var sb = new StringBuilder();
        sb.Append("# Memory\n\nCurated long-term memory for Alice's agent. Keep it short and durable.\n\n");
        sb.Append("## User Preferences\n");
        sb.Append("- ").Append(KeptStartSentence).Append('\n');
        sb.Append("- Uses pnpm over npm for every JavaScript project.\n");
        sb.Append("- Timezone is Europe/Berlin; mornings are for deep work.\n\n");
        sb.Append("## Projects\n\n");
        sb.Append("### home-assistant\n");
        sb.Append("- Home Assistant runs on the NUC in the hallway closet.\n");
        sb.Append("- Zigbee2MQTT is pinned to 1.35.x after the January update broke pairing.\n");
        sb.Append("- The Sonoff dongle sits on a USB extension cable to avoid interference.\n\n");
        sb.Append("### blog-rewrite\n");
        sb.Append("- The blog moves from Hugo to Astro; content collections hold the posts.\n");
        sb.Append("- Deploys go to Netlify from the main branch only.\n\n");
        sb.Append("## Decisions\n");
        Fill(sb, 13900, i => $"- Decision {i:000}: keep the runbook entry for service {i % 17} current and reviewed monthly.\n");
        sb.Append('\n');
        if (sb.Length > 14100) throw new InvalidOperationException("Decisions overran the head boundary");
        while (sb.Length < 14100) sb.Append('\n');

        sb.Append("## Archive\n");
        sb.Append("Older facts that no longer matter day to day.\n\n");
        sb.Append("### old-vendors\n");
        sb.Append("- ").Append(CutMiddleSentence).Append('\n');
        Fill(sb, 17500, i => $"- Vendor {i:000}: quote received, declined, archived for reference only.\n");
        sb.Append("\n### travel-2025\n");
        Fill(sb, 21400, i => $"- Trip note {i:000}: the train from Porto to Lisbon takes about three hours.\n");
        sb.Append('\n');

        sb.Append("## Lessons\n");
        Fill(sb, TotalChars - 200, i => $"- Lesson {i:000}: write the decision down before closing the session.\n");
        sb.Append("- ").Append(KeptEndSentence).Append('\n');
        var padLine = "- Keep MEMORY.md under the bootstrap limit; prune the archive first.";
        sb.Append(padLine);
        // Pad the last line to land exactly on the total; trailing whitespace does not count (trimEnd).
        while (sb.Length < TotalChars) sb.Append('.');
        var text = sb.ToString();
        if (text.TrimEnd().Length != TotalChars) throw new InvalidOperationException($"MEMORY.md is {text.TrimEnd().Length} chars");
        return text + "\n\n";
    }

    private static void Fill(StringBuilder sb, int until, Func<int, string> line)
    {
        for (var i = 1; ; i++)
        {
            var next = line(i);
            if (sb.Length + next.Length > until) return;
            sb.Append(next);
        }
    }
}
