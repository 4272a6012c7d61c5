using System.Text.Json.Serialization;

namespace ClawLearn.Replay;

/// <summary>Source-generated JSON for <c>clawlearn simulate --json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReplayReport))]
public sealed partial class ReplayJsonContext : JsonSerializerContext;
