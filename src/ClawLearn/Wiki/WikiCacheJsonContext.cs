using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>Source-generated JSON for the extraction cache (compact: it is read by this tool only).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WikiCache))]
public sealed partial class WikiCacheJsonContext : JsonSerializerContext;
