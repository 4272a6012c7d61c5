using System.Text.Json.Serialization;

namespace ClawLearn.Scanning;

/// <summary>Source-generated JSON for the scan report (no reflection; trimming-safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ScanReport))]
public sealed partial class ScanJsonContext : JsonSerializerContext;
