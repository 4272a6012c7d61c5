using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>One <c>projects</c> entry of <c>.manifest.json</c>: where the project comes from and how much feeds it.</summary>
public sealed class ManifestProject
{
    public string SourcePath { get; set; } = "";
    public string VaultPath { get; set; } = "";
    public string LastIngested { get; set; } = "";
    public int Sessions { get; set; }
    public int DailyNotes { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
