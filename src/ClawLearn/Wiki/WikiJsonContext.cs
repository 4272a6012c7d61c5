using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>Source-generated JSON for the vault's manifest (snake_case, as obsidian-wiki writes it).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Manifest))]
public sealed partial class WikiJsonContext : JsonSerializerContext;
