using System.Text.Json.Serialization;
using ClawLearn.Learning;
using ClawLearn.Runs;

namespace ClawLearn.Storage;

/// <summary>Source-generated JSON for what the store keeps (run facts, traces); null fields are written as null.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunFacts))]
[JsonSerializable(typeof(RunTrace))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(SessionMeta))]
public sealed partial class LearningJsonContext : JsonSerializerContext;
