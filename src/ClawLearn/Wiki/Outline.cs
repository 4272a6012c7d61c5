namespace ClawLearn.Wiki;

/// <summary>A markdown file reduced to its title (<c>#</c>), the lines before its first section, and its sections.</summary>
public sealed record Outline(string? Title, IReadOnlyList<string> Preamble, IReadOnlyList<OutlineSection> Sections)
{
    public static Outline Empty { get; } = new(null, [], []);
}
