using System.Text.Json.Serialization;
using ClawLearn.Learning;

namespace ClawLearn.Serving;

/// <summary><c>GET traces</c>: one page, newest first, and the total.</summary>
public sealed record TracePage(IReadOnlyList<RunTrace> Traces, long Total, int Limit, int Offset);

/// <summary><c>GET timeseries</c>.</summary>
public sealed record Timeseries(string Metric, string Window, IReadOnlyList<TimeseriesPoint> Buckets);

/// <summary><c>GET config</c>: the effective <c>learning</c> configuration of the served agent.</summary>
public sealed record ConfigView(
    string AgentId,
    bool Enabled,
    string Phase,
    string Strategy,
    int TokenBudget,
    double BaselineRate,
    int MinPulls,
    double? DecayHalfLifeDays,
    IReadOnlyList<string> SeedArmIds,
    double SeedBoost);

/// <summary><c>POST traces</c>: what recording the trace did (<c>added</c>, <c>unchanged</c> or <c>changed</c>).</summary>
public sealed record RecordResult(string TraceId, string Status, int ArmsUpdated, long TraceCount);

/// <summary><c>POST reward</c>: the arm's posterior after the reward, with the reference V2's <c>arm_id</c> too.</summary>
public sealed record RewardResult(bool Ok, string ArmId, double Reward, double Alpha, double Beta, double Mean, long Pulls)
{
    [JsonPropertyName("arm_id")]
    public string ArmIdSnake => ArmId;
}

/// <summary>
/// <c>POST reset</c>: how many arms went back to their prior, and which; also under the reference V2's names
/// (<c>learner</c>, <c>reset_count</c>, <c>arm_ids</c>), so OpenClaw's own <c>learning reset</c> can read it.
/// </summary>
public sealed record ResetResult(int ResetCount, IReadOnlyList<string> ArmIds, string Learner)
{
    [JsonPropertyName("reset_count")]
    public int ResetCountSnake => ResetCount;

    [JsonPropertyName("arm_ids")]
    public IReadOnlyList<string> ArmIdsSnake => ArmIds;
}

/// <summary><c>GET arm</c>: one arm's posterior, its mean over time, and its latest outcomes.</summary>
public sealed record ArmHistory(PosteriorView Posterior, IReadOnlyList<TimeseriesPoint> Means, IReadOnlyList<ArmHistoryEntry> Recent, int TracesScanned);

/// <summary>One run's outcome for one arm.</summary>
public sealed record ArmHistoryEntry(string TraceId, long Timestamp, string SessionId, bool Included, bool Referenced, int TokenCost);
