namespace ClawLearn.Export;

/// <summary>What an export contains.</summary>
public readonly record struct ExportOptions
{
    public ExportOptions() { }

    public ExportFormat Format { get; init; } = ExportFormat.Json;
    public bool Traces { get; init; } = true;
    public bool Posteriors { get; init; } = true;
}
