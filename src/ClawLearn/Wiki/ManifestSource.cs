using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>One <c>sources</c> entry of <c>.manifest.json</c> (openclaw-formats B3). Fields other tools add are kept.</summary>
public sealed class ManifestSource
{
    public string IngestedAt { get; set; } = "";
    public long SizeBytes { get; set; }
    public string ModifiedAt { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string? AgentId { get; set; }
    public string? Project { get; set; }
    public List<string> PagesCreated { get; set; } = [];
    public List<string> PagesUpdated { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
