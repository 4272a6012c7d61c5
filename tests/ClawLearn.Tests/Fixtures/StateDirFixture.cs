using System.Text;

namespace ClawLearn.Tests.Fixtures;

/// <summary>
/// Builds a realistic OpenClaw state directory covering every storage era and quirk: real v1–v3 JSONL with
/// every entry type, the seed's simplified format, a SQLite store (2026.8+) that duplicates some JSONL sessions,
/// archives, the legacy <c>sessions/</c> folder, a SQLite-only agent, broken lines, and canary secrets in every
/// file ClawLearn must never read. Everything is deterministic (fixed dates, fixed ids).
/// </summary>
public static partial class StateDirFixture
{
    public static readonly DateTimeOffset Day = new(2026, 2, 20, 9, 0, 0, TimeSpan.Zero);

    public static string Build(string root, FixtureOptions options = default)
    {
        options = options == default ? new FixtureOptions() : options;
        Directory.CreateDirectory(root);
        WriteConfig(root, options);
        WriteMainAgent(root, options);
        WriteResearchAgent(root);
        WriteOpsAgent(root, options);
        WriteLegacySessions(root);
        WriteMainWorkspace(Path.Combine(root, "workspace"));
        WriteResearchWorkspace(ResearchWorkspace(root, options));
        WriteForbidden(root, options);
        return root;
    }

    public static string ResearchWorkspace(string root, FixtureOptions options) =>
        options.Portable ? Path.Combine(root, "workspace-research") : Path.Combine(root, "elsewhere", "research-ws");

    internal static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    internal static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static void WriteConfig(string root, FixtureOptions options)
    {
        var researchWorkspace = options.Portable ? "" : $"workspace: \"{ResearchWorkspace(root, options)}\",";
        var gatewayToken = options.Portable ? "sample-token-not-a-secret" : Canaries.ConfigMarker + "-gateway-token";
        Write(Path.Combine(root, "openclaw.json"), $$"""
            // OpenClaw config — hand edited (JSON5: comments, unquoted keys, trailing commas, includes)
            {
              meta: { lastTouchedVersion: "2026.9.2", lastTouchedAt: "2026-02-20T08:00:00.000Z" },
              agents: {
                defaults: {
                  bootstrapMaxChars: 20000,      /* the default, explicit */
                  userTimezone: 'Europe/Berlin',
                  model: { primary: "anthropic/claude-opus-4-5", fallbacks: ["openai/gpt-5.2",], },
                  compaction: { reserveTokensFloor: 20000, memoryFlush: { enabled: true, softThresholdTokens: 0x0FA0 } },
                },
                list: [
                  { id: "main", default: true, name: "Claw", identity: { name: "Claw", emoji: "🦞" } },
                  { id: "research", name: "Scout", {{researchWorkspace}} model: "openai/gpt-5.2", },
                ],
              },
              bindings: [ { agentId: "research", match: { channel: "telegram", peer: { kind: "group", id: "-1009876543210" } } } ],
              session: { dmScope: "main", reset: { mode: "daily", atHour: +4 } },
              skills: { load: { extraDirs: ["~/obsidian-wiki/.skills"], watch: true }, entries: { "nano-banana": { apiKey: "${GEMINI_API_KEY}" } } },
              learning: { enabled: true, phase: "passive", tokenBudget: 8000, baselineRate: .1, minPulls: 5 },
              channels: { $include: "./includes/channels.json5" },
              gateway: { auth: { token: "{{gatewayToken}}" } },
            }
            """);
        var botToken = options.Portable ? "sample-bot-token" : Canaries.ConfigMarker + "-bot-token";
        Write(Path.Combine(root, "includes", "channels.json5"),
            $"{{ telegram: {{ botToken: '{botToken}', groups: {{ '*': {{ requireMention: true }} }} }}, }}\n");
    }

    private static void WriteForbidden(string root, FixtureOptions options)
    {
        string Secret(string where) => options.Portable
            ? "placeholder: ClawLearn never reads this file (it stands where a secret would be)\n"
            : $"{{\"secret\": \"{Canaries.Forbidden(where)}\"}}\n";
        Write(Path.Combine(root, "credentials", "oauth.json"), Secret("oauth"));
        Write(Path.Combine(root, "credentials", "whatsapp", "default", "creds.json"), Secret("whatsapp"));
        Write(Path.Combine(root, ".env"), options.Portable ? "# placeholder\n" : $"ANTHROPIC_API_KEY={Canaries.Forbidden("dotenv")}\n");
        Write(Path.Combine(root, "openclaw.json.bak"), Secret("config-bak"));
        Write(Path.Combine(root, "openclaw.json.bak.1"), Secret("config-bak1"));
        foreach (var agent in new[] { "main", "research" })
        {
            Write(Path.Combine(root, "agents", agent, "agent", "auth-profiles.json"), Secret($"{agent}-auth-profiles"));
            Write(Path.Combine(root, "agents", agent, "agent", "auth.json"), Secret($"{agent}-auth"));
            Write(Path.Combine(root, "agents", agent, "agent", "models.json"), Secret($"{agent}-models"));
        }
        Write(Path.Combine(root, "browser", "Default", "Cookies"), Secret("browser"));
        Write(Path.Combine(root, "memory", "main.sqlite"), Secret("memory-index"));
        Write(Path.Combine(root, "memory", "research.sqlite"), Secret("memory-index-research"));
        var sessions = Path.Combine(root, "agents", "main", "sessions");
        Write(Path.Combine(sessions, "sessions.json.lock"), Secret("store-lock"));
        Write(Path.Combine(sessions, $"{SessionIds.MainDm}.jsonl.lock"), Secret("transcript-lock"));
        Write(Path.Combine(sessions, "sessions.json.4242.0f0f.tmp"), Secret("store-tmp"));
        // A compaction backup is a valid transcript: only the boundary keeps it out.
        var backup = new RealTranscript("bk").Header(SessionIds.MainDm, Day)
            .User(Day, options.Portable ? "placeholder backup line" : $"old line {Canaries.Forbidden("jsonl-bak")}");
        Write(Path.Combine(sessions, $"{SessionIds.MainDm}.jsonl.bak.2026-02-18T10-00-00.000Z"), backup.ToText());
        Write(Path.Combine(root, "workspace", "memory", ".dreams", "state.json"), Secret("dreams-state"));
        Write(Path.Combine(root, "logs", "gateway.log"), "2026-02-20T09:00:00Z gateway started\n");
        Write(Path.Combine(root, "cron", "jobs.json"), "{\"jobs\": []}\n");
    }
}
