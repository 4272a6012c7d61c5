using System.Collections.Concurrent;
using ClawLearn.Config;
using ClawLearn.Learning;
using ClawLearn.Selection;
using ClawLearn.Serving;
using ClawLearn.StateDir;
using ClawLearn.Storage;

namespace ClawLearn.Cli.Api;

/// <summary>
/// The agents a server serves: the default one (opened at start) and, on request (<c>?agent=ID</c>), any other
/// agent of the state directory, each with its own store and in-memory view. With <c>--db</c> only the default
/// agent is served, since the file belongs to it.
/// </summary>
internal sealed class LearningAgents : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LiveLearning>> _agents = new(StringComparer.Ordinal);
    private readonly StateDirectory? _state;
    private readonly Func<string, ILearningStore>? _openStore;
    private readonly Func<string, LearningConfig>? _config;
    private readonly TimeProvider _clock;
    private readonly Func<string, bool> _storeExists = _ => true;

    /// <summary>Serves one agent from an open store (tests, benchmarks).</summary>
    public LearningAgents(LiveLearning only, TimeProvider? clock = null)
    {
        DefaultAgentId = only.AgentId;
        _clock = clock ?? TimeProvider.System;
        _agents[only.AgentId] = new Lazy<LiveLearning>(only);
    }

    /// <summary>
    /// Serves the agents of a state directory; <paramref name="openStore"/> opens (or creates) an agent's store. Other
    /// agents than the default one are served only when <paramref name="storeExists"/> says an ingest made their store:
    /// a request must not create files.
    /// </summary>
    public LearningAgents(StateDirectory state, string defaultAgentId, Func<string, ILearningStore> openStore, Func<string, LearningConfig> config,
        bool othersAllowed, TimeProvider? clock = null, Func<string, bool>? storeExists = null)
    {
        _storeExists = storeExists ?? (_ => true);
        _state = othersAllowed ? state : null;
        _openStore = openStore;
        _config = config;
        _clock = clock ?? TimeProvider.System;
        DefaultAgentId = defaultAgentId;
        var agent = state.Agent(defaultAgentId) ?? throw new ArgumentException($"no agent '{defaultAgentId}'");
        _agents[defaultAgentId] = new Lazy<LiveLearning>(() => Open(state, agent));
        _ = _agents[defaultAgentId].Value;
    }

    public string DefaultAgentId { get; }

    /// <summary>
    /// The agent's learning, or null when the state directory has no such agent, it has no learning data yet, or
    /// only one agent is served.
    /// </summary>
    public LiveLearning? Get(string? agentId)
    {
        var id = string.IsNullOrEmpty(agentId) ? DefaultAgentId : agentId.Trim().ToLowerInvariant();
        // Case aside, a name is taken only as the id it already is: normalising "!!!" to "main", or "ops%00" to "ops",
        // answered a mistyped request with another agent's data.
        if (AgentIds.Normalize(id) != id) return null;
        if (_agents.TryGetValue(id, out var known)) return Value(id, known);
        if (_state?.Agent(id) is not { } agent || !_storeExists(agent.Id)) return null;
        return Value(id, _agents.GetOrAdd(id, _ => new Lazy<LiveLearning>(() => Open(_state, agent))));
    }

    // A failed open (a busy store during migration) is not cached: the next request tries again.
    private LiveLearning Value(string id, Lazy<LiveLearning> lazy)
    {
        try
        {
            return lazy.Value;
        }
        catch
        {
            _agents.TryRemove(new KeyValuePair<string, Lazy<LiveLearning>>(id, lazy));
            throw;
        }
    }

    private LiveLearning Open(StateDirectory state, AgentLayout agent)
    {
        var store = _openStore!(agent.Id);
        try
        {
            return new LiveLearning(store, agent.Id, _config!(agent.Id), _clock,
                s => AgentInventoryReader.Read(state, agent, s, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var lazy in _agents.Values)
        {
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        }
    }
}
