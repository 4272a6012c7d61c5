using System.Text.Json.Serialization;

namespace ClawLearn.Serving;

/// <summary>
/// One point of a timeseries: the window start <see cref="T"/> (ms since the epoch) and a value; <see cref="ArmId"/>
/// for convergence points, <see cref="Runs"/> (runs with usage in the window) for token points.
/// </summary>
public sealed record TimeseriesPoint(
    long T,
    double Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ArmId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Runs);
