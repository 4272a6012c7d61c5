namespace ClawLearn.Usage;

/// <summary>
/// Sums stored usage rows into a report per session or per UTC day. Pure: the rows come from the store (one agent's
/// or several agents' one after another), and a row is only ever added, so any order gives the same sums up to
/// floating-point rounding of the cost, which the rows' fixed store order makes repeatable.
/// </summary>
public static class UsageReport
{
    public static UsageSummary Build(IEnumerable<UsageRow> rows, UsageGrouping by)
    {
        var lines = new Dictionary<(string, string), Accumulator>();
        var totals = new Accumulator(null, null, null);
        foreach (var row in rows)
        {
            var key = by == UsageGrouping.Session ? (row.AgentId, row.SessionId) : ("", row.Day);
            if (!lines.TryGetValue(key, out var line))
            {
                lines[key] = line = by == UsageGrouping.Session ? new Accumulator(row.AgentId, row.SessionId, null) : new Accumulator(null, null, row.Day);
            }
            line.Add(row);
            totals.Add(row);
        }
        var ordered = by == UsageGrouping.Session
            ? lines.Values.OrderBy(l => l.Last ?? long.MinValue).ThenBy(l => l.AgentId, StringComparer.Ordinal).ThenBy(l => l.SessionId, StringComparer.Ordinal)
            : lines.Values.OrderBy(l => l.Day == "" ? 1 : 0).ThenBy(l => l.Day, StringComparer.Ordinal);
        return new UsageSummary(by, ordered.Select(l => l.ToLine()).ToList(), totals.ToLine());
    }

    private sealed class Accumulator(string? agentId, string? sessionId, string? day)
    {
        private readonly SortedSet<string> _models = new(StringComparer.Ordinal);
        private long _messages, _input, _output, _cacheRead, _cacheWrite, _total;
        private double _cost;
        private long? _first;

        public string? AgentId => agentId;
        public string? SessionId => sessionId;
        public string? Day => day;
        public long? Last { get; private set; }

        public void Add(UsageRow row)
        {
            _messages += row.Messages;
            (_input, _output, _cacheRead, _cacheWrite, _total) =
                (Saturating.Add(_input, row.Input), Saturating.Add(_output, row.Output), Saturating.Add(_cacheRead, row.CacheRead),
                    Saturating.Add(_cacheWrite, row.CacheWrite), Saturating.Add(_total, row.Total));
            _cost += row.Cost;
            if (row.FirstMs is { } f && (_first is null || f < _first)) _first = f;
            if (row.LastMs is { } l && (Last is null || l > Last)) Last = l;
            if (row.Model.Length > 0) _models.Add(row.Model);
        }

        public UsageLine ToLine() =>
            new(agentId, sessionId, day, _messages, _input, _output, _cacheRead, _cacheWrite, _total, _cost, _first, Last, _models.ToList());
    }
}
