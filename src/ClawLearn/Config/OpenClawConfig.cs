using System.Text.Json.Nodes;

namespace ClawLearn.Config;

/// <summary>
/// The handful of <c>openclaw.json</c> settings ClawLearn reads. Only whitelisted keys are taken from the
/// raw tree; everything else (tokens, API keys, channel secrets) is never copied anywhere.
/// </summary>
public sealed class OpenClawConfig
{
    public const int DefaultBootstrapMaxChars = 20000;

    public static OpenClawConfig Empty { get; } = new([], null, DefaultBootstrapMaxChars, null, null);

    public OpenClawConfig(IReadOnlyList<AgentEntry> agents, string? defaultsWorkspace, int bootstrapMaxChars,
        string? sessionStore, string? userTimezone)
    {
        Agents = agents;
        DefaultsWorkspace = defaultsWorkspace;
        BootstrapMaxChars = bootstrapMaxChars;
        SessionStore = sessionStore;
        UserTimezone = userTimezone;
    }

    /// <summary><c>agents.list[]</c>, ids normalised as OpenClaw does.</summary>
    public IReadOnlyList<AgentEntry> Agents { get; }

    /// <summary><c>agents.defaults.workspace</c> (legacy <c>agent.workspace</c>), unexpanded.</summary>
    public string? DefaultsWorkspace { get; }

    /// <summary><c>agents.defaults.bootstrapMaxChars</c>: a positive finite number, floored; otherwise 20000.</summary>
    public int BootstrapMaxChars { get; }

    /// <summary><c>session.store</c>, which may contain the <c>{agentId}</c> token.</summary>
    public string? SessionStore { get; }

    public string? UserTimezone { get; }

    /// <summary>The default agent: the entry with <c>default: true</c>, else the first entry, else <c>main</c>.</summary>
    public string DefaultAgentId =>
        Agents.FirstOrDefault(a => a.IsDefault)?.Id ?? Agents.FirstOrDefault()?.Id ?? AgentIds.Main;

    public static OpenClawConfig From(JsonObject root)
    {
        var agentsNode = root["agents"] as JsonObject;
        var defaults = agentsNode?["defaults"] as JsonObject;
        var list = new List<AgentEntry>();
        if (agentsNode?["list"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                if (String(item["id"]) is not { Length: > 0 } id) continue;
                list.Add(new AgentEntry(AgentIds.Normalize(id), Bool(item["default"]), String(item["workspace"]),
                    String(item["agentDir"]), String(item["name"])));
            }
        }
        var workspace = String(defaults?["workspace"]) ?? String((root["agent"] as JsonObject)?["workspace"]);
        return new OpenClawConfig(list, workspace, BootstrapMax(defaults?["bootstrapMaxChars"]),
            String((root["session"] as JsonObject)?["store"]), String(defaults?["userTimezone"]));
    }

    private static int BootstrapMax(JsonNode? node)
    {
        if (node is not JsonValue value) return DefaultBootstrapMaxChars;
        double number;
        if (value.TryGetValue<long>(out var l)) number = l;
        else if (!value.TryGetValue(out number)) return DefaultBootstrapMaxChars;
        if (!double.IsFinite(number) || number < 1) return DefaultBootstrapMaxChars;
        return (int)Math.Min(int.MaxValue, Math.Floor(number));
    }

    private static string? String(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
