using System.Text;
using System.Text.Json.Nodes;

namespace ClawLearn.Tests.Fixtures;

public static partial class StateDirFixture
{
    public const string TopicFileName = SessionIds.Topic + "-topic-42.jsonl";
    public const string ForkFileName = "2026-02-10T08-30-00-000Z_" + SessionIds.Fork + ".jsonl";

    private static string SessionsDir(string root, string agent) => Path.Combine(root, "agents", agent, "sessions");

    private static void WriteMainAgent(string root, FixtureOptions options)
    {
        var dir = SessionsDir(root, "main");
        var home = options.Portable ? "~/.openclaw" : root;
        Write(Path.Combine(dir, "sessions.json"), MainStore(home).ToJsonString(new() { WriteIndented = true }));

        var mainDm = MainDmTranscript();
        // The crash left a partial last line with no newline.
        Write(Path.Combine(dir, $"{SessionIds.MainDm}.jsonl"), mainDm.ToText() + "{\"type\":\"message\",\"id\":\"ffff");
        Write(Path.Combine(dir, TopicFileName), TopicTranscript().ToText());
        Write(Path.Combine(dir, ForkFileName), ForkTranscript(home).ToText());
        Write(Path.Combine(dir, $"{SessionIds.Subagent}.jsonl"), SubagentTranscript().ToText());
        Write(Path.Combine(dir, $"{SessionIds.Cron}.jsonl"), new RealTranscript("cr").Header(SessionIds.Cron, Day.AddHours(-3)).ToText());
        Write(Path.Combine(dir, $"{SessionIds.Old}.jsonl"), OldTranscript().ToText());
        Write(Path.Combine(dir, $"{SessionIds.V2Header}.jsonl"), V2Transcript().ToText());
        Write(Path.Combine(dir, $"{SessionIds.Headerless}.jsonl"), HeaderlessTranscript().ToText());
        Write(Path.Combine(dir, $"{SessionIds.Quirks}.jsonl"), QuirksTranscript());
        Write(Path.Combine(dir, $"{SessionIds.Deleted}.jsonl.deleted.2026-02-14T09-12-44.512Z"), DeletedTranscript().ToText());
        // A reset archive holding an earlier, shorter copy of the main DM: with archives on, the live file wins.
        var earlier = new RealTranscript("rs");
        foreach (var line in mainDm.Lines.Take(5)) earlier.Raw(line);
        Write(Path.Combine(dir, $"{SessionIds.MainDm}.jsonl.reset.2026-02-19T07-00-00.000Z"), earlier.ToText());

        WriteSqliteStore(Path.Combine(root, "agents", "main", "agent", "openclaw-agent.sqlite"), options, MainSqliteSessions());
    }

    private static JsonObject MainStore(string home)
    {
        string File(string name) => $"{home}/agents/main/sessions/{name}";
        return new JsonObject
        {
            ["agent:main:main"] = new JsonObject
            {
                ["sessionId"] = SessionIds.MainDm,
                ["updatedAt"] = 1771581600000,
                ["sessionFile"] = File($"{SessionIds.MainDm}.jsonl"),
                ["chatType"] = "direct",
                ["origin"] = new JsonObject { ["label"] = "Alice Smith (@alice) id:123456789", ["provider"] = "telegram", ["surface"] = "telegram", ["chatType"] = "direct" },
                ["lastChannel"] = "telegram",
                ["model"] = "claude-opus-4-5",
                ["modelProvider"] = "anthropic",
                ["inputTokens"] = 18234, ["outputTokens"] = 2211, ["totalTokens"] = 20445, ["contextTokens"] = 200000,
                ["compactionCount"] = 1, ["memoryFlushAt"] = 1771500000000, ["systemSent"] = true, ["abortedLastRun"] = false,
                ["skillsSnapshot"] = new JsonObject { ["prompt"] = "<skills>…</skills>", ["skills"] = new JsonArray(new JsonObject { ["name"] = "wiki-ingest" }) },
                ["systemPromptReport"] = PromptReport(),
            },
            ["agent:main:telegram:group:-1001234567890:topic:42"] = new JsonObject
            {
                ["sessionId"] = SessionIds.Topic,
                ["updatedAt"] = 1771340700000,
                ["sessionFile"] = File(TopicFileName),
                ["chatType"] = "group", ["channel"] = "telegram", ["groupId"] = "-1001234567890:topic:42", ["subject"] = "Dev Chat",
                ["displayName"] = "telegram:g-dev-chat",
                ["origin"] = new JsonObject { ["threadId"] = 42 },
                ["deliveryContext"] = new JsonObject { ["channel"] = "telegram", ["to"] = "-1001234567890", ["threadId"] = 42 },
            },
            ["agent:main:discord:channel:112233445566778899:thread:998877"] = new JsonObject
            {
                ["sessionId"] = SessionIds.Fork,
                ["updatedAt"] = 1770714000000,
                ["sessionFile"] = File(ForkFileName),
                ["chatType"] = "channel", ["groupChannel"] = "#homelab",
            },
            ["agent:main:subagent:0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"] = new JsonObject
            {
                ["sessionId"] = SessionIds.Subagent,
                ["updatedAt"] = 1771583400000,
                ["spawnedBy"] = "agent:main:main",
                ["label"] = "summarize HA logs",
            },
            // Legacy store: the channel under "provider", no "channel".
            ["agent:main:cron:daily-brief"] = new JsonObject
            {
                ["sessionId"] = SessionIds.Cron,
                ["updatedAt"] = 1771570800000,
                ["provider"] = "cron",
            },
        };
    }

    private static JsonObject PromptReport()
    {
        // Real reports carry the whole prompt text; it makes entries of ~100 KB.
        var bigPrompt = new string('x', 2000);
        JsonObject Tool(string name, int chars) => new() { ["name"] = name, ["summaryChars"] = 120, ["schemaChars"] = chars, ["propertiesCount"] = 2 };
        JsonObject File(string name, int raw, int injected, bool truncated) =>
            new() { ["name"] = name, ["path"] = $"/home/alice/.openclaw/workspace/{name}", ["missing"] = false, ["rawChars"] = raw, ["injectedChars"] = injected, ["truncated"] = truncated };
        return new JsonObject
        {
            ["source"] = "run",
            ["generatedAt"] = 1771578000000,
            ["sessionId"] = SessionIds.MainDm,
            ["sessionKey"] = "agent:main:main",
            ["provider"] = "anthropic",
            ["model"] = "claude-opus-4-5",
            ["bootstrapMaxChars"] = 20000,
            ["systemPrompt"] = new JsonObject { ["chars"] = 48210, ["text"] = bigPrompt },
            ["injectedWorkspaceFiles"] = new JsonArray(File("AGENTS.md", 1500, 1500, false), File("MEMORY.md", 26000, 18117, true)),
            ["skills"] = new JsonObject { ["promptChars"] = 1400, ["entries"] = new JsonArray(new JsonObject { ["name"] = "wiki-ingest", ["blockChars"] = 1400 }) },
            ["tools"] = new JsonObject
            {
                ["listChars"] = 900,
                ["schemaChars"] = 5400,
                ["entries"] = new JsonArray(Tool("exec", 1800), Tool("read", 600), Tool("memory_search", 700), Tool("message", 900)),
            },
        };
    }

    private static RealTranscript MainDmTranscript()
    {
        var t = Day.AddSeconds(-2);
        var s = new RealTranscript("a")
            .Header(SessionIds.MainDm, t)
            .ModelChange(t, "anthropic", "claude-opus-4-5")
            .ThinkingLevel(t, "low")
            .User(Day, "[Telegram Alice Smith (@alice) id:123456789 +9h 2026-02-20 09:00 UTC] The HA box keeps dropping Zigbee devices after updates — what did we decide last time?\n[message_id: 4821]")
            .Assistant(Day.AddSeconds(4), "Let me check memory first.",
                [("toolu_01A", "memory_search", new JsonObject { ["query"] = "zigbee dropping after update" })],
                new ReportedUsage(1200, 310, 9000, 0), "toolUse", thinking: true)
            .ToolResult(Day.AddSeconds(5), "toolu_01A", "memory_search", "memory/2026-01-21.md#L3-L9: pinned Z2M to 1.35.x after the January update broke pairing")
            .Assistant(Day.AddSeconds(9), null,
                [("toolu_01B", "exec", new JsonObject { ["command"] = "docker logs zigbee2mqtt --tail 50" })],
                new ReportedUsage(1500, 120, 10200, 0), "toolUse")
            .ToolResult(Day.AddSeconds(12), "toolu_01B", "exec", $"zigbee2mqtt | connecting to broker\n{Canaries.ContentMqttPassword}\nzigbee2mqtt | 14 devices")
            .Assistant(Day.AddSeconds(20), "Pin zigbee2mqtt to 1.35.x, disable auto-update in Watchtower, add a USB extension cable for the Sonoff dongle. Zigbee2MQTT is pinned to 1.35.x after the January update broke pairing.",
                usage: new ReportedUsage(1800, 420, 10200, 0))
            .Custom(Day.AddSeconds(21), "openclaw.cache-ttl", new JsonObject { ["timestamp"] = 1771578021000, ["provider"] = "anthropic", ["modelId"] = "claude-opus-4-5" })
            .DeliveryMirror(Day.AddSeconds(22), "Pin zigbee2mqtt to 1.35.x, disable auto-update in Watchtower.")
            .Injected(Day.AddSeconds(30), "Daily brief: 3 calendar events today.")
            .User(Day.AddMinutes(30), "Read HEARTBEAT.md if it exists (workspace context). Follow it strictly.")
            .Assistant(Day.AddMinutes(30).AddSeconds(2), "HEARTBEAT_OK", usage: new ReportedUsage(900, 5, 9000, 0));
        return s;
    }

    private static RealTranscript TopicTranscript()
    {
        var t = new DateTimeOffset(2026, 2, 17, 14, 5, 0, TimeSpan.Zero);
        return new RealTranscript("b")
            .Header(SessionIds.Topic, t.AddSeconds(-1))
            .ModelChange(t, "anthropic", "claude-sonnet-4-5")
            .ThinkingLevel(t, "off")
            .User(t, "[Telegram Dev Chat id:-1001234567890 topic:42 +2m 2026-02-17 14:05 UTC] Bob: @clawbot how do we tag releases?",
                image: new JsonObject { ["type"] = "image", ["data"] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", ["mimeType"] = "image/png" })
            .Assistant(t.AddSeconds(6), "Tag releases with `git tag -s vX.Y.Z` and keep CHANGELOG.md in Keep-a-Changelog format.",
                [("toolu_02A", "read", new JsonObject { ["path"] = "CHANGELOG.md" })], new ReportedUsage(2100, 240, 0, 1800), "toolUse", provider: "anthropic", model: "claude-sonnet-4-5")
            .ToolResult(t.AddSeconds(7), "toolu_02A", "read", "# Changelog\n## [1.4.0] - 2026-02-01")
            .Assistant(t.AddSeconds(12), "Latest is 1.4.0, so the next tag is v1.5.0.", usage: new ReportedUsage(2300, 60, 1800, 0), provider: "anthropic", model: "claude-sonnet-4-5");
    }

    private static RealTranscript ForkTranscript(string home)
    {
        var t = new DateTimeOffset(2026, 2, 10, 8, 30, 0, TimeSpan.Zero);
        return new RealTranscript("c")
            .Header(SessionIds.Fork, t, parentSession: $"{home}/agents/main/sessions/{SessionIds.MainDm}.jsonl")
            .ModelChange(t, "openai", "gpt-5.2")
            .User(t.AddSeconds(1), "[Discord #homelab] carol: which VLAN is the NAS on?")
            .Assistant(t.AddSeconds(5), "The NAS is on VLAN 20 (storage); see TOOLS.md for the switch layout.",
                [("call_3A", "web_fetch", new JsonObject { ["url"] = "http://switch.local/vlans" })], new ReportedUsage(800, 90, 0, 0), "toolUse", provider: "openai", model: "gpt-5.2")
            .ToolResult(t.AddSeconds(6), "call_3A", "web_fetch", "VLAN 20: storage", isError: false)
            .Assistant(t.AddSeconds(8), "Confirmed: VLAN 20.", usage: new ReportedUsage(850, 10, 0, 0), provider: "openai", model: "gpt-5.2")
            .User(t.AddMinutes(2), "and the printer?")
            .Assistant(t.AddMinutes(2).AddSeconds(3), null, usage: new ReportedUsage(10, 0, 0, 0), stopReason: "aborted", provider: "openai", model: "gpt-5.2");
    }

    private static RealTranscript SubagentTranscript()
    {
        var t = Day.AddMinutes(40);
        return new RealTranscript("d")
            .Header(SessionIds.Subagent, t)
            .ModelChange(t, "anthropic", "claude-haiku-4-5")
            .User(t.AddSeconds(1), "Summarize the last 200 lines of the Home Assistant log. Follow AGENTS.md.")
            .Assistant(t.AddSeconds(4), null, [("toolu_04A", "exec", new JsonObject { ["command"] = "tail -n 200 /var/log/ha.log" })],
                new ReportedUsage(600, 40, 0, 0), "toolUse", model: "claude-haiku-4-5")
            .ToolResult(t.AddSeconds(5), "toolu_04A", "exec", "WARNING zha: device 0x1234 left the network")
            .Assistant(t.AddSeconds(9), "One device left the network; everything else is quiet.", usage: new ReportedUsage(700, 30, 0, 0), model: "claude-haiku-4-5");
    }

    private static RealTranscript OldTranscript()
    {
        var t = new DateTimeOffset(2026, 1, 21, 19, 0, 0, TimeSpan.Zero);
        return new RealTranscript("e")
            .Header(SessionIds.Old, t, version: null)
            .ModelChange(t, "anthropic", "claude-opus-4-5")
            .Compaction(t.AddSeconds(1), "User set up Home Assistant on a NUC; decided on Zigbee2MQTT over ZHA; pinned 1.35.x.", 152340)
            .User(t.AddMinutes(1), "Pre-compaction memory flush. Store durable memories now (use memory/YYYY-MM-DD.md; create memory/ if needed).")
            .Assistant(t.AddMinutes(1).AddSeconds(3), "NO_REPLY", [("toolu_05A", "write", new JsonObject { ["path"] = "memory/2026-01-21.md", ["content"] = "- Pinned Z2M to 1.35.x" })],
                new ReportedUsage(3000, 80, 0, 0), "toolUse")
            .ToolResult(t.AddMinutes(1).AddSeconds(4), "toolu_05A", "write", "ok")
            .User(t.AddMinutes(5), "/new")
            .BranchSummary(t.AddMinutes(5).AddSeconds(1), "Abandoned branch: tried ZHA, reverted.")
            .Label(t.AddMinutes(5).AddSeconds(2), "zigbee")
            .SessionInfo(t.AddMinutes(5).AddSeconds(3), "Zigbee setup")
            .User(t.AddMinutes(6), "Should I use a USB extension cable for the dongle?")
            .Assistant(t.AddMinutes(6).AddSeconds(5), "Yes: a USB extension cable keeps the Sonoff dongle away from USB 3 interference.", usage: new ReportedUsage(2000, 50, 0, 0))
            .User(t.AddMinutes(8), "Also check the calendar")
            .Assistant(t.AddMinutes(8).AddSeconds(2), null, withUsage: false, stopReason: "error", errorMessage: "529 overloaded");
    }

    private static RealTranscript V2Transcript()
    {
        var t = new DateTimeOffset(2026, 2, 5, 7, 0, 0, TimeSpan.Zero);
        return new RealTranscript("f")
            .Header(SessionIds.V2Header, t, version: 2)
            .User(t.AddSeconds(1), "Good morning, what's on today?", blocks: false)
            .Assistant(t.AddSeconds(4), "Two meetings and the blog deploy.", usage: new ReportedUsage(500, 20, 0, 0, 520));
    }

    private static RealTranscript HeaderlessTranscript()
    {
        // What sessions.compact leaves: the last lines only, no header, dangling parentIds.
        var t = new DateTimeOffset(2026, 2, 12, 16, 40, 0, TimeSpan.Zero);
        return new RealTranscript("g")
            .User(t, "Summarize the vendor pitch from this afternoon.")
            .Assistant(t.AddSeconds(6), "They pitched a managed Zigbee hub; not needed given the current setup.", usage: new ReportedUsage(1400, 70, 0, 0));
    }

    private static byte[] QuirksTranscript()
    {
        var t = new DateTimeOffset(2026, 2, 16, 11, 0, 0, TimeSpan.Zero);
        var s = new RealTranscript("h").Header(SessionIds.Quirks, t).User(t.AddSeconds(1), "Check the blog build.");
        var sb = new StringBuilder(s.ToText());
        sb.Append("this is not json at all\n");
        sb.Append("[1, 2, 3]\n");
        sb.Append("{\"hello\": \"no type or role\"}\n");
        sb.Append("\n   \n");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(sb.ToString()));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"type\":\"custom\",\"id\":\"h9\",\"data\":\"bad "));
        bytes.AddRange([0xC3, 0x28, 0xFF]); // invalid UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n"));
        var rest = new RealTranscript("i")
            .Assistant(t.AddSeconds(8), "The Astro build passes; 42 pages generated.", [("toolu_06A", "exec", new JsonObject { ["command"] = "pnpm build" })], new ReportedUsage(900, 60, 0, 0), "toolUse")
            .ToolResult(t.AddSeconds(30), "toolu_06A", "exec", "42 page(s) built");
        bytes.AddRange(Encoding.UTF8.GetBytes(rest.ToText().Replace("\n", "\r\n")));
        return bytes.ToArray();
    }

    private static RealTranscript DeletedTranscript()
    {
        var t = new DateTimeOffset(2026, 2, 14, 9, 0, 0, TimeSpan.Zero);
        return new RealTranscript("j")
            .Header(SessionIds.Deleted, t)
            .User(t.AddSeconds(1), "Draft a message to the landlord about the heating.")
            .Assistant(t.AddSeconds(7), "Draft ready: the heating in the living room has been off since Monday.",
                [("toolu_07A", "message", new JsonObject { ["to"] = "landlord", ["text"] = "Heating is off." })], new ReportedUsage(700, 90, 0, 0), "toolUse");
    }
}
