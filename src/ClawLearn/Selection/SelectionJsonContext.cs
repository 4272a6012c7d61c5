using System.Text.Json.Serialization;

namespace ClawLearn.Selection;

/// <summary>The inventory file <c>clawlearn select --inventory</c> reads: <c>{"arms": [{"armId": …, "tokenCost": …}]}</c>.</summary>
public sealed record InventoryFile(List<SelectionArm> Arms);

/// <summary>What <c>clawlearn select --json</c> writes.</summary>
public sealed record SelectionOutput(string AgentId, bool IsBaseline, int TokenBudget, int UsedTokens, int? Seed, IReadOnlyList<ArmDecision> Arms, string? ExcludedToolsGuidance);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(InventoryFile))]
[JsonSerializable(typeof(SelectionOutput))]
public sealed partial class SelectionJsonContext : JsonSerializerContext;
