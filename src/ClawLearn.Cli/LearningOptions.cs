using System.CommandLine;
using ClawLearn.Config;
using ClawLearn.Ingest;
using ClawLearn.Learning;
using ClawLearn.StateDir;
using ClawLearn.Storage;

namespace ClawLearn.Cli;

/// <summary>
/// Options shared by the learning commands: where the store is, which agent, and overrides of the
/// <c>learning</c> section of <c>openclaw.json</c>.
/// </summary>
internal sealed class LearningOptions
{
    public readonly Option<string?> Db = new("--db")
    {
        Description = "Learning store: a SQLite file, or postgres://user:password@host:port/database[?schema=S] shared by all agents "
            + "(default: $CLAWLEARN_DB, else \"db\" in <state dir>/learning/clawlearn.json, else <state dir>/learning/<agent>.sqlite)",
    };
    private readonly CliEnvironment _env;
    public readonly Option<string?> Agent;
    public readonly Option<string?> Phase = new("--phase") { Description = "Override learning.phase (passive|active)" };
    public readonly Option<int?> TokenBudget;
    public readonly Option<double?> BaselineRate = new("--baseline-rate") { Description = "Override learning.baselineRate (0..1)" };
    public readonly Option<int?> MinPulls = new("--min-pulls") { Description = "Override learning.minPulls" };
    public readonly Option<string[]> SeedArms = new("--seed-arm") { Description = "Override learning.seedArms (repeatable; globs like tool:web:* allowed)", AllowMultipleArgumentsPerToken = false };
    public readonly Option<double?> SeedBoost = new("--seed-boost") { Description = "Override learning.seedBoost (multiplies a seed arm's prior alpha)" };

    /// <param name="env">Where <c>$CLAWLEARN_DB</c> is read from.</param>
    /// <param name="agentDescription">What <c>--agent</c> means for the command.</param>
    /// <param name="budgetIsPrimary">For commands about a budget (<c>select</c>, <c>simulate</c>): the override is
    /// called <c>--budget</c>, with <c>--token-budget</c> kept as an alias.</param>
    public LearningOptions(CliEnvironment env, string agentDescription = "Agent id (default: the default agent)", bool budgetIsPrimary = false)
    {
        _env = env;
        Agent = new Option<string?>("--agent") { Description = agentDescription };
        TokenBudget = budgetIsPrimary
            ? new Option<int?>("--budget", "--token-budget") { Description = "Token budget for prompt components (default: learning.tokenBudget, 8000)" }
            : new Option<int?>("--token-budget") { Description = "Override learning.tokenBudget" };
    }

    public void AddTo(Command command, bool withConfigOverrides = true)
    {
        command.Options.Add(Db);
        command.Options.Add(Agent);
        if (!withConfigOverrides) return;
        foreach (var option in new Option[] { Phase, TokenBudget, BaselineRate, MinPulls, SeedArms, SeedBoost }) command.Options.Add(option);
    }

    public StateDirectory OpenState(ParseResult parse, CliEnvironment env) =>
        StateDirectory.Open(StateDirResolver.Resolve(parse.GetValue(GlobalOptions.StateDir), env.Env, env.Home));

    /// <summary>The agent asked for, or the default one; null (after an error message) when it does not exist.</summary>
    public AgentLayout? ResolveAgent(ParseResult parse, StateDirectory state, CliEnvironment env)
    {
        var id = parse.GetValue(Agent) is { } given ? AgentIds.Normalize(given) : state.Config.DefaultAgentId;
        if (state.Agent(id) is { } agent) return agent;
        env.Error.WriteLine($"error: no agent '{id}' in {state.Root} (agents: {string.Join(", ", state.Agents.Select(a => a.Id))})");
        return null;
    }

    public LearningConfig Config(ParseResult parse, StateDirectory state)
    {
        var config = state.Config.Learning;
        if (parse.GetValue(Phase) is { } phase) config = config with { Phase = phase == "active" ? "active" : "passive" };
        if (parse.GetValue(TokenBudget) is { } budget) config = config with { TokenBudget = budget };
        if (parse.GetValue(BaselineRate) is { } rate) config = config with { BaselineRate = Math.Clamp(rate, 0, 1) };
        if (parse.GetValue(MinPulls) is { } pulls) config = config with { MinPulls = Math.Max(0, pulls) };
        if (parse.GetValue(SeedArms) is { Length: > 0 } seeds) config = config with { SeedArms = seeds };
        if (parse.GetValue(SeedBoost) is { } boost && boost > 0) config = config with { SeedBoost = boost };
        return config;
    }

    public ILearningStore OpenStore(ParseResult parse, StateDirectory state, string agentId) =>
        LearningStores.Open(StorePath(parse, state, agentId));

    public string StorePath(ParseResult parse, StateDirectory state, string agentId) => StorePaths.For(state.Root, agentId, ConfiguredDb(parse, state));

    /// <summary>The store asked for: <c>--db</c>, else <c>$CLAWLEARN_DB</c>, else the settings file; null for the default files.</summary>
    public string? ConfiguredDb(ParseResult parse, StateDirectory state) => StoreSettings.Resolve(state.Root, parse.GetValue(Db), _env.Env);

    /// <summary>Whether the store named is one store for one agent (a SQLite file) rather than one for all (PostgreSQL, or the default folder).</summary>
    public bool StoreIsForOneAgent(ParseResult parse, StateDirectory state) => ConfiguredDb(parse, state) is { Length: > 0 } db && !PostgresUrl.IsPostgres(db);

    /// <summary>The agent's store when an ingest created it; otherwise null, after saying to run ingest first.</summary>
    public ILearningStore? OpenExistingStore(ParseResult parse, StateDirectory state, AgentLayout agent, CliEnvironment env)
    {
        if (LearningStores.Exists(StorePath(parse, state, agent.Id))) return OpenStore(parse, state, agent.Id);
        env.Error.WriteLine($"error: no learning data for agent '{agent.Id}' yet: run 'clawlearn ingest' first");
        return null;
    }

    /// <summary>Every arm id the agent's traces and events know, for resolving what a user typed.</summary>
    public static IReadOnlyList<string> KnownArms(ILearningStore store, string agentId, LearningConfig config) =>
        PosteriorCalculator.Compute(store.TracesInTimeOrder(agentId), store.Events(agentId), config).Select(p => p.ArmId).ToList();
}
