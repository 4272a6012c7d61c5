using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>The <c>openclaw</c> summary block of <c>.manifest.json</c>: counts are integers here, lists per source.</summary>
public sealed class ManifestOpenClaw
{
    public string SourcePath { get; set; } = "";
    public string LastIngested { get; set; } = "";
    public string? MemoryUpdatedAt { get; set; }
    public int DailyNotesIngested { get; set; }
    public int SessionsIngested { get; set; }
    public int PagesCreated { get; set; }
    public int PagesUpdated { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
