using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>The <c>stats</c> block of <c>.manifest.json</c>.</summary>
public sealed class ManifestStats
{
    public int TotalSourcesIngested { get; set; }
    public int TotalPages { get; set; }
    public int TotalProjects { get; set; }
    public string? LastFullRebuild { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
