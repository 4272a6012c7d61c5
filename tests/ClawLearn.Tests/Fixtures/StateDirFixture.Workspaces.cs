namespace ClawLearn.Tests.Fixtures;

public static partial class StateDirFixture
{
    /// <summary>Daily notes of the main workspace: 2026-01-05 to 2026-02-21 with gaps.</summary>
    public static readonly string[] MainDailyNoteDates =
    [
        "2026-01-05", "2026-01-06", "2026-01-09", "2026-01-14", "2026-01-21", "2026-01-28",
        "2026-02-03", "2026-02-10", "2026-02-12", "2026-02-17", "2026-02-19", "2026-02-20", "2026-02-21",
    ];

    private static void WriteMainWorkspace(string ws)
    {
        Write(Path.Combine(ws, "AGENTS.md"), """
            # AGENTS.md - Your Workspace

            This folder is home. Treat it that way.

            ## Every Session
            1. Read SOUL.md: this is who you are.
            2. Read USER.md: this is who you are helping.
            3. Read memory/YYYY-MM-DD.md (today and yesterday) for recent context.

            ## House rules
            - Always answer in English; log decisions to memory/.
            """);
        Write(Path.Combine(ws, "SOUL.md"), "# SOUL.md\n\nYou are Claw: practical, terse, allergic to fluff. You fix things and say what you changed.\n");
        Write(Path.Combine(ws, "IDENTITY.md"), "# IDENTITY.md\n\n- **Name:** Claw\n- **Emoji:** 🦞\n");
        Write(Path.Combine(ws, "USER.md"), $"# USER.md\n\n- Name: Alice\n- Timezone: Europe/Berlin\n- Pronouns: she/her\n- Prefers terse answers\n- Phone: {Canaries.ContentPhone}\n");
        Write(Path.Combine(ws, "TOOLS.md"), "# TOOLS.md\n\n## SSH\n- nuc → 192.168.1.50, user: alice\n\n## Switch\n- VLAN 20 is storage, VLAN 30 is IoT.\n");
        Write(Path.Combine(ws, "HEARTBEAT.md"), "# HEARTBEAT.md\n\n# Keep this file empty (or with only comments) to skip heartbeat API calls.\n");
        Write(Path.Combine(ws, "MEMORY.md"), MemoryMarkdownBuilder.Build());
        Write(Path.Combine(ws, "DREAMS.md"), """
            # Dreams

            ## 2026-02-19
            - Alice keeps returning to home automation reliability; a weekly health check could help.

            ## 2026-02-20
            - The blog rewrite stalls on image handling; Astro's assets pipeline may be the fix.
            - Zigbee2MQTT is pinned to 1.35.x after the January update broke pairing.
            """);
        foreach (var date in MainDailyNoteDates)
        {
            var body = date switch
            {
                "2026-01-21" => "## home-assistant\n- Pinned Z2M to 1.35.x after the January update broke pairing.\n- Ordered a USB extension cable.\n",
                "2026-01-28" => $"## blog-rewrite\n- Started the Astro migration.\n- {Canaries.ContentOpenAiKey}\n",
                "2026-02-20" => "## home-assistant\n- Zigbee devices dropped again after the HA update; decision: disable auto-update in Watchtower.\n",
                "2026-02-21" => "## travel\n- Lisbon trip booked for April; the hotel is near Cais do Sodré.\n",
                _ => $"## Session: daily check\n- Routine day ({date}); nothing notable beyond inbox triage.\n",
            };
            Write(Path.Combine(ws, "memory", $"{date}.md"), $"# {date}\n\n{body}");
        }
        Write(Path.Combine(ws, "memory", "2026-02-12-vendor-pitch.md"), """
            # Session: 2026-02-12 16:40:11 UTC

            - **Session Key**: agent:main:main
            - **Session ID**: b0b0cafe-0000-4000-8000-000000000001
            - **Source**: telegram

            ## Conversation Summary

            user: Summarize the vendor pitch from this afternoon.
            assistant: They pitched a managed Zigbee hub; not needed given the current setup.
            """);
        Write(Path.Combine(ws, "memory", "projects", "home-assistant.md"), "# home-assistant\n\n- NUC, Zigbee2MQTT 1.35.x, Sonoff dongle on an extension cable.\n");
    }

    private static void WriteResearchWorkspace(string ws)
    {
        Write(Path.Combine(ws, "AGENTS.md"), "# AGENTS.md\n\nYou are Scout, a research assistant. Cite sources.\n");
        Write(Path.Combine(ws, "BOOTSTRAP.md"), "# BOOTSTRAP.md\n\nFirst run: introduce yourself, then delete this file.\n");
        Write(Path.Combine(ws, "memory.md"), """
            # memory

            ## Research Areas
            - Retrieval-augmented generation evaluation, especially faithfulness metrics.

            ### vector-databases
            - pgvector with HNSW is fine up to ~10M vectors on a single node.
            """);
        Write(Path.Combine(ws, "memory", "2026-02-18.md"), "# 2026-02-18\n\n## papers\n- ColBERTv3 is the one to read first.\n");
        Write(Path.Combine(ws, "memory", "2026-02-19.md"), "# 2026-02-19\n\n## papers\n- Nothing new on the arXiv feed.\n");
    }
}
