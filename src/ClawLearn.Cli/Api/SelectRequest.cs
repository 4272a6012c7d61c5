using System.Text.Json.Serialization;
using ClawLearn.Selection;

namespace ClawLearn.Cli.Api;

/// <summary>
/// <c>POST select</c>: the arms to choose from (default: the agent's current inventory), a budget (default: the
/// configured one), a seed for a reproducible draw, and whether to estimate inclusion propensities (default yes).
/// </summary>
internal sealed record SelectRequest(List<SelectionArm>? Arms, int? Budget, int? Seed, bool? Propensities);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SelectRequest))]
internal sealed partial class ApiRequestJsonContext : JsonSerializerContext;
