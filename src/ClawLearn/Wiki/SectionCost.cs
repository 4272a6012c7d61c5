using System.Text.Json.Serialization;

namespace ClawLearn.Wiki;

/// <summary>A MEMORY.md section arm (trace-contract 6): its heading, size, and whether truncation hides it.</summary>
public sealed record SectionCost(string ArmId, string Heading, int Chars, bool Hidden)
{
    [JsonIgnore]
    public int Tokens => (Chars + 3) / 4;

    /// <summary>The <c>##</c> slug inside <c>memory:&lt;h2&gt;:&lt;h3|main&gt;</c>.</summary>
    [JsonIgnore]
    public string TopicSlug => ArmId.Split(':') is [_, var h2, ..] ? h2 : ArmId;
}
