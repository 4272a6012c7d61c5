using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>A markdown file reduced to its title (<c>#</c>), the lines before its first section, and its sections.</summary>
public sealed record Outline(string? Title, IReadOnlyList<string> Preamble, IReadOnlyList<OutlineSection> Sections)
{
    public static Outline Empty { get; } = new(null, [], []);

    /// <summary>Every content line: the preamble's, then each section's.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AllLines => Preamble.Concat(Sections.SelectMany(s => s.AllLines)).ToList();
}
