using System.Buffers;
using System.Runtime.CompilerServices;
using ClawLearn.Learning;
using ClawLearn.Transcripts;
using ClawLearn.Usage;
using ClawLearn.Workspace;

namespace ClawLearn.Runs;

/// <summary>
/// Splits one session's records into runs (trace-contract 5): a run starts at each user turn and takes every
/// following turn up to the next user turn; turns before the first user turn belong to no run. Each finished
/// run becomes <see cref="RunFacts"/>. The collector can start mid-session (incremental ingest) from a known
/// user index and model state.
/// </summary>
public sealed class RunCollector
{
    private readonly string _agentId;
    private readonly string _sessionId;
    private readonly ReferenceTargets _targets;
    private readonly List<RunFacts> _finished = [];
    private string? _provider;
    private string? _model;
    private int _nextIndex;
    private Run? _current;
    private readonly UsageTally _usage;
    private long? _lastTime;
    private bool _sawPreamble;

    public RunCollector(string agentId, string sessionId, ReferenceTargets targets, int nextUserIndex = 0,
        string? provider = null, string? model = null)
    {
        _agentId = agentId;
        _sessionId = sessionId;
        _targets = targets;
        _nextIndex = nextUserIndex;
        _provider = provider;
        _model = model;
        _usage = new UsageTally(agentId, sessionId);
    }

    /// <summary>
    /// Token usage of every assistant message read, per run (-1: before the first user turn), day and model. Unlike
    /// run facts it includes messages outside any run, so per-session totals match what the transcripts report.
    /// </summary>
    public IReadOnlyList<UsageRow> Usage => _usage.Rows();

    /// <summary>Whether anything was read before a user turn: the part of the session that belongs to no run.</summary>
    public bool SawPreamble => _sawPreamble;

    /// <summary>The provider and model in force now (from the latest <c>model_change</c>).</summary>
    public (string? Provider, string? Model) CurrentModel => (_provider, _model);

    /// <summary>Runs finished so far (every run but the current one).</summary>
    public IReadOnlyList<RunFacts> Finished => _finished;

    // Runs for every record: compiled optimised at once rather than after the tiered JIT's start-up delay.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(TranscriptRecord record, long position)
    {
        if (_current is null && record is not Turn { Role: TurnRole.User }) _sawPreamble = true;
        if (record.TimestampMs is { } time) _lastTime = time;
        if (record is Turn { Role: TurnRole.Assistant, Usage: { } usage } assistant)
        {
            _usage.Add(_current?.Index ?? -1, assistant.TimestampMs ?? _lastTime, assistant.Provider ?? _provider, assistant.Model ?? _model, usage);
        }
        switch (record)
        {
            case ModelChange change:
                (_provider, _model) = (change.Provider ?? _provider, change.Model ?? _model);
                break;
            case Turn { Role: TurnRole.User } user:
                Close();
                _current = new Run(_nextIndex++, position, user.TimestampMs, _provider, _model);
                break;
            case Turn turn when _current is not null:
                _current.Add(turn);
                break;
        }
        if (record is Turn t && _current is not null) _current.SawTime(t.TimestampMs);
    }

    /// <summary>Ends the session: the last run is returned as well (it may be pending: no assistant turn yet).</summary>
    public (IReadOnlyList<RunFacts> Finished, RunFacts? Last) Complete()
    {
        var last = _current?.ToFacts(_agentId, _sessionId, _targets);
        _current = null;
        return (_finished, last);
    }

    // A run with no assistant turn that is not the session's last produces no trace: it is not kept.
    private void Close()
    {
        if (_current is null) return;
        if (_current.HasAssistant) _finished.Add(_current.ToFacts(_agentId, _sessionId, _targets));
        else _current.Release();
        _current = null;
    }

    // Lower-cased once, not once per run, without the ".md" every name ends with.
    private static readonly (string Name, string LowerStem)[] LowerBootstrapStems =
        BootstrapFileNames.InPriorityOrder.Select(n => (n, n.ToLowerInvariant()[..^3])).ToArray();

    /// <summary>
    /// Adds, in priority order, each bootstrap file whose lower-cased name occurs in <paramref name="lower"/>: one
    /// pass over the text for ".md", each occurrence then checked against the names, instead of a pass per name.
    /// </summary>
    private static void AddBootstrapFilesNamed(ReadOnlySpan<char> lower, List<string> files)
    {
        var found = 0UL; // one bit per name
        for (var at = lower.IndexOf(".md", StringComparison.Ordinal); at >= 0; )
        {
            for (var n = 0; n < LowerBootstrapStems.Length; n++)
            {
                var stem = LowerBootstrapStems[n].LowerStem;
                if (at >= stem.Length && lower.Slice(at - stem.Length, stem.Length).SequenceEqual(stem)) found |= 1UL << n;
            }
            var next = lower[(at + 1)..].IndexOf(".md", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }
        for (var n = 0; n < LowerBootstrapStems.Length; n++)
        {
            var name = LowerBootstrapStems[n].Name;
            if ((found & (1UL << n)) != 0 && !files.Contains(name)) files.Add(name);
        }
    }

    /// <summary>How many names a list holds before lookups in it go through a set.</summary>
    internal const int ManyNames = 16;

    private sealed class Run(int index, long position, long? userTime, string? priorProvider, string? priorModel)
    {
        private readonly long? _userTime = userTime;
        private readonly RunText _text = new();
        private readonly RunText _arguments = new();
        private readonly List<string> _tools = [];
        // Past a few names, a set answers "called before?": a message of 40,000 distinct calls searched the list for each.
        private HashSet<string>? _toolSet;
        // The names before "/SKILL.md" in the arguments, first occurrence first. A match never spans the newline
        // between two calls' arguments, so matching each call's text alone finds what matching them joined does.
        private readonly List<string> _skills = [];
        private long? _first = userTime;
        private long? _last = userTime;
        private string? _provider;
        private string? _model;
        private bool _hasAssistant;
        private bool _aborted;
        private string? _error;
        private long _input, _output, _cacheRead, _cacheWrite, _total;
        private bool _hasUsage;

        public int Index => index;

        /// <summary>Gives the text buffers back to the pool: the run is done with.</summary>
        public void Release()
        {
            _text.Release();
            _arguments.Release();
        }

        public bool HasAssistant => _hasAssistant;

        public void SawTime(long? ms)
        {
            if (ms is not { } t) return;
            _first ??= t;
            _last = t; // the last timed turn, even if its clock ran backwards (a negative duration becomes null)
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(Turn turn)
        {
            // Read for run facts only, the texts are in the reader's buffer (valid until it reads on), not in strings.
            var decoded = turn.Decoded;
            for (var c = 0; c < turn.ToolCalls.Count; c++)
            {
                var call = turn.ToolCalls[c];
                if (_toolSet is not null ? _toolSet.Add(call.Name) : !_tools.Contains(call.Name))
                {
                    _tools.Add(call.Name);
                    if (_tools.Count == ManyNames) _toolSet = new HashSet<string>(_tools, StringComparer.Ordinal);
                }
                var arguments = decoded is null ? call.ArgumentsText : decoded.Arguments(c);
                _arguments.Add(arguments);
                SkillPaths.AddNames(arguments, _skills);
            }
            if (turn.Role != TurnRole.Assistant) return;
            _hasAssistant = true;
            _text.Add(decoded is null ? turn.Text : decoded.Text);
            if (turn.Provider is not null || turn.Model is not null) (_provider, _model) = (turn.Provider, turn.Model);
            if (turn.StopReason == "aborted") _aborted = true;
            if (turn.StopReason == "error") _error = turn.ErrorMessage ?? "error";
            if (turn.Usage is { } u)
            {
                _hasUsage = true;
                (_input, _output, _cacheRead, _cacheWrite) = (Saturating.Add(_input, u.Input), Saturating.Add(_output, u.Output),
                    Saturating.Add(_cacheRead, u.CacheRead), Saturating.Add(_cacheWrite, u.CacheWrite));
                _total = Saturating.Add(_total, u.Total);
            }
        }

        public RunFacts ToFacts(string agentId, string sessionId, ReferenceTargets targets)
        {
            // Matched from a pooled buffer: a run's text can be large, and a string of it would be garbage at once.
            var buffer = RunText.RentLowerJoined(_text, _arguments, out var length);
            var files = new List<string>();
            var memory = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                var lower = buffer.AsSpan(0, length);
                AddBootstrapFilesNamed(lower, files);
                targets.MatchMemory(lower, memory);
                if ((_userTime ?? _first) is { } ts)
                {
                    var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ts).UtcDateTime);
                    targets.MatchDailyNote(day, lower, memory);
                    targets.MatchDailyNote(day.AddDays(-1), lower, memory);
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
                Release();
            }
            return new RunFacts(agentId, sessionId, index, position, _userTime, _first, _last, _provider, _model, priorProvider, priorModel,
                _hasAssistant, _hasUsage ? new TraceUsage(_input, _output, _cacheRead, _cacheWrite, _total) : null, _aborted, _error,
                _tools, _skills, files, memory.Order(StringComparer.Ordinal).ToList());
        }
    }
}
