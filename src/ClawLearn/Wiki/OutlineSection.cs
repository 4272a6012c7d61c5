using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>
/// A <c>##</c> (or <c>###</c>) section of a markdown file: its heading, its content lines (list markers stripped,
/// redacted, clipped) and its subsections. This is all the wiki keeps of a memory file.
/// </summary>
public sealed record OutlineSection(string Heading, int Level, IReadOnlyList<string> Lines, IReadOnlyList<OutlineSection> Children)
{
    /// <summary>Every line of the section and its subsections.</summary>
    [JsonIgnore]
    public IEnumerable<string> AllLines => Lines.Concat(Children.SelectMany(c => c.AllLines));
}
