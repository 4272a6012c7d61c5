using System.Text.Json;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// The tools assistant turns call (the fork's tool names), weighted roughly as agents use them, with plausible
/// arguments and the size a tool's result usually has.
/// </summary>
internal static class ToolCatalog
{
    private static readonly (string Name, int Weight)[] Tools =
    [
        ("read", 22), ("exec", 22), ("edit", 8), ("write", 6), ("web_search", 7), ("web_fetch", 5), ("memory_search", 7),
        ("memory_get", 3), ("browser", 5), ("message", 4), ("grep", 3), ("ls", 2), ("process", 1), ("sessions_spawn", 2),
        ("sessions_list", 1), ("cron", 1), ("image", 1),
    ];

    private static readonly int TotalWeight = Tools.Sum(t => t.Weight);

    private static readonly string[] Skills = ["github", "weather", "wiki-ingest", "himalaya", "notion", "spotify-player", "obsidian", "gog"];

    public static string Pick(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var (name, weight) in Tools)
        {
            if ((roll -= weight) < 0) return name;
        }
        return Tools[0].Name;
    }

    /// <summary>Writes the <c>arguments</c> object; large payloads (write/edit content) are capped by <paramref name="budget"/>.</summary>
    public static void WriteArguments(Utf8JsonWriter w, string tool, Random random, TextPool pool, int budget)
    {
        w.WriteStartObject("arguments");
        switch (tool)
        {
            case "read":
                // A read of a skill's SKILL.md is how a lazily loaded skill shows up as used.
                w.WriteString("path", random.Next(100) < 10
                    ? $"/home/bench/.openclaw/workspace/skills/{Skills[random.Next(Skills.Length)]}/SKILL.md"
                    : random.Next(2) == 0 ? $"memory/2026-07-{random.Next(1, 29):00}.md" : $"/home/bench/projects/app/src/module{random.Next(200)}.ts");
                break;
            case "exec":
                w.WriteString("command", random.Next(4) switch
                {
                    0 => "docker logs zigbee2mqtt --tail 200",
                    1 => $"git -C ~/projects/app log --oneline -n {random.Next(5, 50)}",
                    2 => "journalctl -u restic --since today --no-pager",
                    _ => "npm test -- --runInBand",
                });
                if (random.Next(3) == 0) w.WriteNumber("timeout", 120);
                break;
            case "write":
                w.WriteString("path", $"/home/bench/projects/app/src/generated{random.Next(500)}.ts");
                w.WriteString("content", TextPool.Slice(pool.Output, random, Math.Min(budget, random.Next(300, 12_000))));
                break;
            case "edit":
                w.WriteString("path", $"/home/bench/projects/app/src/module{random.Next(200)}.ts");
                w.WriteString("oldText", TextPool.Slice(pool.Output, random, Math.Min(budget / 2, random.Next(60, 2_000))));
                w.WriteString("newText", TextPool.Slice(pool.Output, random, Math.Min(budget / 2, random.Next(60, 2_000))));
                break;
            case "web_search":
            case "memory_search":
                w.WriteString("query", TextPool.Slice(pool.Prose, random, random.Next(15, 90)));
                if (tool == "web_search") w.WriteNumber("count", 5);
                break;
            case "web_fetch":
                w.WriteString("url", $"https://example.org/articles/{random.Next(100_000)}");
                w.WriteString("extractMode", "markdown");
                break;
            case "memory_get":
                w.WriteString("path", $"memory/2026-07-{random.Next(1, 29):00}.md");
                w.WriteNumber("from", random.Next(1, 40));
                w.WriteNumber("lines", random.Next(10, 80));
                break;
            case "browser":
                w.WriteString("action", random.Next(3) switch { 0 => "screenshot", 1 => "snapshot", _ => "navigate" });
                w.WriteString("targetUrl", $"https://dashboard.example.org/panel/{random.Next(50)}");
                break;
            case "message":
                w.WriteString("action", "send");
                w.WriteString("to", $"telegram:{random.Next(100_000_000, 999_999_999)}");
                w.WriteString("message", TextPool.Slice(pool.Prose, random, random.Next(40, 400)));
                break;
            case "sessions_spawn":
                w.WriteString("task", TextPool.Slice(pool.Prose, random, random.Next(80, 600)));
                w.WriteString("label", "research helper");
                break;
            default:
                w.WriteString("pattern", TextPool.Slice(pool.Prose, random, random.Next(4, 24)));
                break;
        }
        w.WriteEndObject();
    }

    /// <summary>The size a result of this tool usually has: a few hundred bytes, up to past 64 KB for big reads and fetches.</summary>
    public static int ResultBytes(string tool, Random random) => tool switch
    {
        "read" => LogUniform(random, 400, 48_000),
        "exec" => random.Next(20) == 0 ? LogUniform(random, 20_000, 96_000) : LogUniform(random, 150, 16_000),
        "web_fetch" => LogUniform(random, 3_000, 100_000),
        "web_search" => LogUniform(random, 1_500, 8_000),
        "browser" => LogUniform(random, 2_000, 80_000),
        "memory_search" => LogUniform(random, 300, 3_500),
        "memory_get" => LogUniform(random, 400, 6_000),
        "write" or "edit" or "message" or "cron" => random.Next(60, 220),
        _ => LogUniform(random, 200, 4_000),
    };

    private static int LogUniform(Random random, int min, int max) => (int)Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min)));
}
