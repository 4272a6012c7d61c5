using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>
/// <c>.manifest.json</c> exactly as obsidian-wiki defines it (openclaw-formats B3). Other ingesters share the file, so
/// entries and fields this tool does not own are read and written back untouched.
/// </summary>
public sealed class Manifest
{
    public int Version { get; set; } = 1;
    public string? LastUpdated { get; set; }
    public Dictionary<string, ManifestSource> Sources { get; set; } = [];
    public Dictionary<string, ManifestProject> Projects { get; set; } = [];
    public ManifestStats Stats { get; set; } = new();
    public ManifestOpenClaw? Openclaw { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
