using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Storage;

namespace ClawLearn.Tests.Support;

/// <summary>Two traces are equal when they export the same: their JSON, every field and arm in order.</summary>
public sealed class TraceJsonComparer : IEqualityComparer<RunTrace>
{
    public bool Equals(RunTrace? x, RunTrace? y) =>
        JsonSerializer.Serialize(x, LearningJsonContext.Default.RunTrace) == JsonSerializer.Serialize(y, LearningJsonContext.Default.RunTrace);

    public int GetHashCode(RunTrace obj) => obj.TraceId.GetHashCode(StringComparison.Ordinal);
}
