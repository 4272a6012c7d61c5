namespace ClawLearn.Export;

/// <summary>Export formats: the seed's JSON and CSV, and NDJSON (one trace per line) for big-data tools.</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Ndjson,
}
