using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClawLearn.Bench;

/// <summary>
/// A state directory for the wiki benchmark: <c>days</c> of daily notes (one a day, one to three topics each), a
/// MEMORY.md over the bootstrap limit with five projects, a DREAMS.md, and <c>sessions</c> small real-format sessions
/// spread over the same days (user turns that sometimes name a project, assistant answers with tool calls, tool
/// results, the odd SKILL.md read), with a session index that names a third of them. Deterministic for a seed.
/// </summary>
internal static class WikiCorpus
{
    public static readonly DateOnly LastDay = new(2026, 2, 20);
    private static readonly string[] Projects = ["api-gateway", "home-lab", "garden-sensors", "blog", "tax-return"];
    private static readonly string[] Topics = ["Session: daily check", "reading", "errands", "health"];
    private static readonly string[] Tools = ["exec", "read", "write", "web_search", "memory_search", "web_fetch"];

    public static string NotePath(string root, DateOnly day) => Path.Combine(root, "workspace", "memory", $"{day:yyyy-MM-dd}.md");

    public static void Write(string root, int days, int sessions, int seed = 42)
    {
        var random = new Random(seed);
        var workspace = Path.Combine(root, "workspace");
        Directory.CreateDirectory(Path.Combine(workspace, "memory"));
        File.WriteAllText(Path.Combine(root, "openclaw.json"), "{ agents: { defaults: { bootstrapMaxChars: 20000 }, list: [ { id: 'main', default: true, name: 'Claw' } ] } }\n");
        File.WriteAllText(Path.Combine(workspace, "AGENTS.md"), "# AGENTS.md\n\nRead MEMORY.md and today's note first. Log decisions to memory/.\n");
        File.WriteAllText(Path.Combine(workspace, "SOUL.md"), "# SOUL.md\n\nPractical, terse, kind.\n");
        File.WriteAllText(Path.Combine(workspace, "USER.md"), "# USER.md\n\n- Prefers short answers\n- Timezone Europe/Berlin\n");
        File.WriteAllText(Path.Combine(workspace, "TOOLS.md"), "# TOOLS.md\n\n- nuc: the home server\n");
        File.WriteAllText(Path.Combine(workspace, "MEMORY.md"), Memory());
        var dreams = new StringBuilder("# Dreams\n");
        for (var d = 0; d < days; d += 15) dreams.Append($"\n## {LastDay.AddDays(-d):yyyy-MM-dd}\n- The {Projects[d % Projects.Length]} work keeps coming back; a checklist could help ({d}).\n");
        File.WriteAllText(Path.Combine(workspace, "DREAMS.md"), dreams.ToString());
        for (var d = 0; d < days; d++)
        {
            var day = LastDay.AddDays(-d);
            var sb = new StringBuilder($"# {day:yyyy-MM-dd}\n");
            for (var s = random.Next(1, 4); s > 0; s--)
            {
                var heading = random.Next(3) == 0 ? Projects[random.Next(Projects.Length)] : Topics[random.Next(Topics.Length)];
                sb.Append($"\n## {heading}\n");
                for (var b = random.Next(2, 5); b > 0; b--) sb.Append($"- Note {d}.{s}.{b} on {heading}: followed up and wrote down the outcome.\n");
            }
            File.WriteAllText(NotePath(root, day), sb.ToString());
        }
        WriteSessions(root, days, sessions, random);
    }

    private static string Memory()
    {
        var sb = new StringBuilder("# Memory\n\n## User Preferences\n- Prefers concise responses without trailing summaries.\n- Uses pnpm over npm.\n\n## Projects\n");
        foreach (var project in Projects)
        {
            sb.Append($"\n### {project}\n");
            for (var i = 1; i <= 4; i++) sb.Append($"- The {project} project fact number {i} that matters day to day.\n");
        }
        sb.Append("\n## Decisions\n");
        for (var i = 1; i <= 220; i++) sb.Append($"- Decision {i:000}: keep the runbook for service {i % 13} current.\n");
        sb.Append("\n## Archive\n");
        for (var i = 1; i <= 60; i++) sb.Append($"- Archived fact {i:000}: no longer relevant but kept for reference.\n");
        sb.Append("\n## Lessons\n");
        for (var i = 1; i <= 60; i++) sb.Append($"- Lesson {i:000}: check the logs before changing code.\n");
        return sb.ToString();
    }

    private static void WriteSessions(string root, int days, int count, Random random)
    {
        var dir = Path.Combine(root, "agents", "main", "sessions");
        Directory.CreateDirectory(dir);
        var index = new StringBuilder("{\n");
        var first = LastDay.AddDays(1 - days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var filler = new string('x', 4000);
        for (var i = 0; i < count; i++)
        {
            var id = new Guid(i, 7, 7, new byte[8]).ToString("D");
            var t = new DateTimeOffset(first.AddMinutes((double)i * days * 24 * 60 / count), TimeSpan.Zero);
            var lines = new List<string> { Json(w => { w.WriteString("type", "session"); w.WriteNumber("version", 3); w.WriteString("id", id); w.WriteString("timestamp", Iso(t)); }) };
            for (var run = random.Next(1, 6); run > 0; run--)
            {
                t = t.AddMinutes(random.Next(1, 30));
                var project = Projects[random.Next(Projects.Length)];
                var question = random.Next(3) == 0 ? $"How is the {project} going? Anything blocked?" : $"Question {i}.{run}: check the logs and tell me what changed.";
                lines.Add(Message(t, "user", w => { w.WriteStartArray("content"); Text(w, $"[Telegram Alice id:1{i:D8} +1m {t:yyyy-MM-dd HH:mm} UTC] {question}"); w.WriteEndArray(); }));
                var tool = Tools[random.Next(Tools.Length)];
                var skill = random.Next(20) == 0;
                lines.Add(Message(t.AddSeconds(3), "assistant", w =>
                {
                    w.WriteStartArray("content");
                    Text(w, "Let me look.");
                    w.WriteStartObject(); w.WriteString("type", "toolCall"); w.WriteString("id", $"t{i}_{run}"); w.WriteString("name", skill ? "read" : tool);
                    w.WriteStartObject("arguments"); w.WriteString("path", skill ? "skills/wiki-ingest/SKILL.md" : $"logs/{project}.log"); w.WriteEndObject(); w.WriteEndObject();
                    w.WriteEndArray();
                    Usage(w, 900, 60);
                    w.WriteString("stopReason", "toolUse");
                }));
                lines.Add(Message(t.AddSeconds(4), "toolResult", w =>
                {
                    w.WriteString("toolCallId", $"t{i}_{run}"); w.WriteString("toolName", skill ? "read" : tool);
                    w.WriteStartArray("content"); Text(w, filler[..random.Next(200, filler.Length)]); w.WriteEndArray();
                }));
                lines.Add(Message(t.AddSeconds(9), "assistant", w =>
                {
                    w.WriteStartArray("content"); Text(w, $"The {project} logs show the nightly job finished; I pinned the version and noted it in memory."); w.WriteEndArray();
                    Usage(w, 1400, 120);
                    w.WriteString("stopReason", "stop");
                }));
            }
            File.WriteAllText(Path.Combine(dir, $"{id}.jsonl"), string.Join('\n', lines) + "\n");
            if (i % 3 == 0)
            {
                index.Append(i == 0 ? "" : ",\n").Append(CultureInfo.InvariantCulture,
                    $"  \"agent:main:telegram:dm:{i}\": {{\"sessionId\": \"{id}\", \"updatedAt\": {t.ToUnixTimeMilliseconds()}, \"channel\": \"telegram\", \"label\": \"chat {i}\"}}");
            }
        }
        File.WriteAllText(Path.Combine(dir, "sessions.json"), index.Append("\n}\n").ToString());
    }

    private static string Message(DateTimeOffset t, string role, Action<Utf8JsonWriter> body) => Json(w =>
    {
        w.WriteString("type", "message"); w.WriteString("id", $"{t.ToUnixTimeMilliseconds() % 0xFFFFFFF:x8}"); w.WriteString("timestamp", Iso(t));
        w.WriteStartObject("message"); w.WriteString("role", role); body(w); w.WriteNumber("timestamp", t.ToUnixTimeMilliseconds()); w.WriteEndObject();
    });

    private static void Text(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject(); w.WriteString("type", "text"); w.WriteString("text", text); w.WriteEndObject();
    }

    private static void Usage(Utf8JsonWriter w, int input, int output)
    {
        w.WriteString("provider", "anthropic"); w.WriteString("model", "claude-opus-4-5");
        w.WriteStartObject("usage"); w.WriteNumber("input", input); w.WriteNumber("output", output); w.WriteNumber("cacheRead", 0); w.WriteNumber("cacheWrite", 0);
        w.WriteNumber("totalTokens", input + output); w.WriteEndObject();
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
