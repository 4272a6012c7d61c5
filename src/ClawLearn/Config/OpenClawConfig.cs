using System.Text.Json.Nodes;

namespace ClawLearn.Config;

/// <summary>
/// The handful of <c>openclaw.json</c> settings ClawLearn reads. Only whitelisted keys are taken from the
/// raw tree; everything else (tokens, API keys, channel secrets) is never copied anywhere.
/// </summary>
public sealed class OpenClawConfig
{
    public const int DefaultBootstrapMaxChars = 20000;

    public static OpenClawConfig Empty { get; } = new([], null, DefaultBootstrapMaxChars, null, null, new());

    public OpenClawConfig(IReadOnlyList<AgentEntry> agents, string? defaultsWorkspace, int bootstrapMaxChars,
        string? sessionStore, string? userTimezone, Learning.LearningConfig learning)
    {
        Learning = learning;
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

    /// <summary>The <c>learning</c> section, with the reference defaults for what it leaves out.</summary>
    public Learning.LearningConfig Learning { get; }

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
            String((root["session"] as JsonObject)?["store"]), String(defaults?["userTimezone"]), LearningSection(root["learning"] as JsonObject));
    }

    private static Learning.LearningConfig LearningSection(JsonObject? section)
    {
        var config = new Learning.LearningConfig();
        if (section is null) return config;
        return config with
        {
            Enabled = Bool(section["enabled"]),
            Phase = String(section["phase"]) == "active" ? "active" : "passive",
            TokenBudget = (int)(Number(section["tokenBudget"]) is { } b && b > 0 ? b : config.TokenBudget),
            BaselineRate = Number(section["baselineRate"]) is { } r && r is >= 0 and <= 1 ? r : config.BaselineRate,
            MinPulls = (int)(Number(section["minPulls"]) is { } m && m >= 0 ? m : config.MinPulls),
            DecayHalfLifeDays = Number(section["decayHalfLifeDays"]) is { } d && d > 0 ? d : null,
            SeedArms = section["seedArms"] is JsonArray seeds ? seeds.Select(String).OfType<string>().ToList() : config.SeedArms,
            SeedBoost = Number(section["seedBoost"]) is { } boost && boost > 0 ? boost : config.SeedBoost,
            ToolTokenEstimate = (int)(Number(section["toolTokenEstimate"]) is { } t && t >= 0 ? t : config.ToolTokenEstimate),
            SkillTokenEstimate = (int)(Number(section["skillTokenEstimate"]) is { } k && k >= 0 ? k : config.SkillTokenEstimate),
        };
    }

    private static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        if (value.TryGetValue<long>(out var l)) return l;
        return value.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;
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
