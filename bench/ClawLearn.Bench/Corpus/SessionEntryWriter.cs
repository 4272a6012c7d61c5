using System.Text.Json;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// One <c>SessionEntry</c> in the real shape (openclaw-formats A1.1), for <c>sessions.json</c> and for
/// <c>session_nodes.entry_json</c>. A "fat" entry carries what makes real indexes 20–40 MB: a
/// <c>skillsSnapshot</c> with the skills prompt and a <c>systemPromptReport</c> listing every skill, tool and
/// injected workspace file. The others are the lean entries of sub-agents, cron runs and pruned sessions.
/// </summary>
internal static class SessionEntryWriter
{
    private static readonly string[] SkillNames = BuildSkillNames();

    private static readonly (string Name, int SchemaChars)[] ToolSchemas =
    [
        ("read", 610), ("write", 540), ("edit", 880), ("apply_patch", 1_200), ("grep", 720), ("find", 430), ("ls", 300),
        ("exec", 1_820), ("process", 960), ("web_search", 700), ("web_fetch", 650), ("browser", 3_900), ("canvas", 1_400),
        ("nodes", 1_100), ("cron", 1_650), ("message", 2_300), ("gateway", 900), ("agents_list", 200), ("sessions_list", 520),
        ("sessions_history", 480), ("sessions_send", 610), ("sessions_spawn", 940), ("image", 560), ("memory_search", 700),
        ("memory_get", 450),
    ];

    private static readonly string[] BootstrapFiles = ["AGENTS.md", "SOUL.md", "TOOLS.md", "IDENTITY.md", "USER.md", "HEARTBEAT.md", "BOOTSTRAP.md", "MEMORY.md"];

    /// <summary>The entry as compact JSON, for <c>session_nodes.entry_json</c>.</summary>
    public static string ToJson(PlannedSession s, long updatedMs, Random random)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, s, updatedMs, null, random);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter w, PlannedSession s, long updatedMs, string? sessionFile, Random random)
    {
        var pool = TextPool.Shared;
        w.WriteStartObject();
        w.WriteString("sessionId", s.SessionId);
        w.WriteNumber("updatedAt", updatedMs);
        if (sessionFile is not null) w.WriteString("sessionFile", sessionFile);
        w.WriteString("chatType", s.ChatType);
        if (s.Channel is { } channel)
        {
            w.WriteString("channel", channel);
            if (s.Kind is SessionKind.Group or SessionKind.Topic or SessionKind.Thread)
            {
                w.WriteString("subject", $"{channel} group {s.Index}");
                w.WriteString("displayName", $"{channel}:g-{s.Index}");
            }
            w.WriteStartObject("origin");
            w.WriteString("label", $"Alice Smith (@alice) id:{100_000_000 + s.Index}");
            w.WriteString("provider", channel);
            w.WriteString("surface", channel);
            w.WriteString("chatType", s.ChatType);
            w.WriteString("from", $"{channel}:{100_000_000 + s.Index}");
            w.WriteString("to", $"{channel}:{100_000_000 + s.Index}");
            if (s.ThreadId is { } thread) w.WriteString("threadId", thread);
            w.WriteEndObject();
            w.WriteStartObject("deliveryContext");
            w.WriteString("channel", channel);
            w.WriteString("to", $"{100_000_000 + s.Index}");
            w.WriteString("accountId", "default");
            w.WriteEndObject();
            w.WriteString("lastChannel", channel);
            w.WriteString("lastTo", $"{100_000_000 + s.Index}");
        }
        if (s.Kind == SessionKind.Subagent)
        {
            w.WriteString("spawnedBy", $"agent:{s.AgentId}:main");
            w.WriteString("label", "research helper");
        }
        w.WriteString("model", s.Model.Model);
        w.WriteString("modelProvider", s.Model.Provider);
        var input = random.Next(2_000, 180_000);
        var output = random.Next(100, 20_000);
        w.WriteNumber("inputTokens", input);
        w.WriteNumber("outputTokens", output);
        w.WriteNumber("totalTokens", input + output);
        w.WriteNumber("contextTokens", 200_000);
        w.WriteNumber("compactionCount", random.Next(0, 4));
        w.WriteBoolean("systemSent", true);
        w.WriteBoolean("abortedLastRun", random.Next(30) == 0);
        if (s.FatEntry)
        {
            var skills = random.Next(30, 110);
            var offset = random.Next(SkillNames.Length);
            SkillsSnapshot(w, skills, offset, random, pool);
            PromptReport(w, s, updatedMs, skills, offset, random);
        }
        w.WriteEndObject();
    }

    private static void SkillsSnapshot(Utf8JsonWriter w, int skills, int offset, Random random, TextPool pool)
    {
        w.WriteStartObject("skillsSnapshot");
        // The prompt block as injected: one <skill> per skill with its description and SKILL.md location.
        var prompt = new System.Text.StringBuilder(skills * 260);
        prompt.Append("<available_skills>\n");
        for (var i = 0; i < skills; i++)
        {
            var name = SkillNames[(offset + i) % SkillNames.Length];
            prompt.Append("<skill><name>").Append(name).Append("</name><description>")
                .Append(System.Text.Encoding.ASCII.GetString(TextPool.Slice(pool.Prose, random, random.Next(60, 220))))
                .Append("</description><location>/home/bench/.openclaw/skills/").Append(name).Append("/SKILL.md</location></skill>\n");
        }
        prompt.Append("</available_skills>");
        w.WriteString("prompt", prompt.ToString());
        w.WriteStartArray("skills");
        for (var i = 0; i < skills; i++)
        {
            w.WriteStartObject();
            w.WriteString("name", SkillNames[(offset + i) % SkillNames.Length]);
            if (i % 7 == 0) w.WriteString("primaryEnv", "GITHUB_TOKEN");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("version", random.Next(1, 40));
        w.WriteEndObject();
    }

    private static void PromptReport(Utf8JsonWriter w, PlannedSession s, long updatedMs, int skills, int offset, Random random)
    {
        var workspace = s.AgentId == CorpusPlan.MainAgent ? "/home/bench/.openclaw/workspace" : $"/home/bench/.openclaw/workspace-{s.AgentId}";
        w.WriteStartObject("systemPromptReport");
        w.WriteString("source", "run");
        w.WriteNumber("generatedAt", updatedMs - random.Next(1_000, 600_000));
        w.WriteString("sessionId", s.SessionId);
        w.WriteString("sessionKey", s.Key);
        w.WriteString("provider", s.Model.Provider);
        w.WriteString("model", s.Model.Model);
        w.WriteString("workspaceDir", workspace);
        w.WriteNumber("bootstrapMaxChars", 20_000);
        w.WriteStartObject("systemPrompt");
        var project = random.Next(8_000, 60_000);
        var other = random.Next(12_000, 40_000);
        w.WriteNumber("chars", project + other);
        w.WriteNumber("projectContextChars", project);
        w.WriteNumber("nonProjectContextChars", other);
        w.WriteEndObject();
        w.WriteStartArray("injectedWorkspaceFiles");
        foreach (var name in BootstrapFiles)
        {
            var raw = random.Next(200, name == "MEMORY.md" ? 40_000 : 9_000);
            var truncated = raw > 20_000;
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("path", $"{workspace}/{name}");
            w.WriteBoolean("missing", name == "BOOTSTRAP.md");
            w.WriteNumber("rawChars", raw);
            w.WriteNumber("injectedChars", truncated ? 18_117 : raw);
            w.WriteBoolean("truncated", truncated);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("skills");
        w.WriteNumber("promptChars", skills * 240);
        w.WriteStartArray("entries");
        for (var i = 0; i < skills; i++)
        {
            w.WriteStartObject();
            w.WriteString("name", SkillNames[(offset + i) % SkillNames.Length]);
            w.WriteNumber("blockChars", random.Next(120, 420));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("tools");
        w.WriteNumber("listChars", 1_900);
        w.WriteNumber("schemaChars", ToolSchemas.Sum(t => t.SchemaChars));
        w.WriteStartArray("entries");
        foreach (var (name, schema) in ToolSchemas)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteNumber("summaryChars", 60 + name.Length * 5);
            w.WriteNumber("schemaChars", schema);
            w.WriteNumber("propertiesCount", 1 + schema / 400);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string[] BuildSkillNames()
    {
        string[] known = ["github", "weather", "wiki-ingest", "himalaya", "notion", "spotify-player", "obsidian", "gog", "summarize",
            "nano-pdf", "openai-whisper", "peekaboo", "tmux", "trello", "1password", "apple-notes", "bear-notes", "blogwatcher",
            "camsnap", "clawhub", "coding-agent", "discord", "gemini", "goplaces", "healthcheck", "imsg", "mcporter", "model-usage",
            "oracle", "ordercli", "sag", "session-logs", "skill-creator", "slack", "songsee", "sonoscli", "things-mac", "video-frames",
            "voice-call", "wacli", "xurl", "bluebubbles", "eightctl", "food-order", "gifgrep", "nano-banana-pro", "openhue", "sherpa-onnx-tts"];
        return [.. known, .. Enumerable.Range(1, 72).Select(i => $"custom-skill-{i:00}")];
    }
}
