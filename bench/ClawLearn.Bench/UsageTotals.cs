using System.Text.Json;

namespace ClawLearn.Bench;

/// <summary>One session's (or all sessions') token counts and cost, as both ccusage and <c>clawlearn usage --json</c> name them.</summary>
internal sealed record UsageTotals(long Input, long Output, long CacheCreation, long CacheRead, long Total, double Cost)
{
    public static readonly UsageTotals Zero = new(0, 0, 0, 0, 0, 0);

    public static UsageTotals Of(JsonElement e) =>
        new(N(e, "inputTokens"), N(e, "outputTokens"), N(e, "cacheCreationTokens"), N(e, "cacheReadTokens"), N(e, "totalTokens"),
            e.TryGetProperty("totalCost", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0);

    public UsageTotals Plus(UsageTotals o) =>
        new(Input + o.Input, Output + o.Output, CacheCreation + o.CacheCreation, CacheRead + o.CacheRead, Total + o.Total, Cost + o.Cost);

    public UsageTotals Negated() => new(-Input, -Output, -CacheCreation, -CacheRead, -Total, -Cost);

    /// <summary>Tokens exactly; cost within a microdollar (clawlearn prints cost rounded to 6 decimals, ccusage does not).</summary>
    public bool Agrees(UsageTotals o) =>
        Input == o.Input && Output == o.Output && CacheCreation == o.CacheCreation && CacheRead == o.CacheRead && Total == o.Total
        && Math.Abs(Cost - o.Cost) <= 1e-6;

    public bool IsZero => Agrees(Zero);

    public override string ToString() =>
        $"input {Input:N0}, output {Output:N0}, cacheCreation {CacheCreation:N0}, cacheRead {CacheRead:N0}, total {Total:N0}, cost ${Cost:F6}";

    private static long N(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
}
