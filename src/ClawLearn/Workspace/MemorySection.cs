namespace ClawLearn.Workspace;

/// <summary>
/// One arm of MEMORY.md: a <c>###</c> subsection (<c>memory:&lt;h2&gt;:&lt;h3&gt;</c>) or the text of a
/// <c>##</c> section outside its subsections (<c>memory:&lt;h2&gt;:main</c>). <see cref="Start"/> and
/// <see cref="End"/> are offsets in the trimmed file; <see cref="Lines"/> are the lines after the heading.
/// </summary>
public sealed record MemorySection(string ArmId, string Heading, int Start, int End, IReadOnlyList<string> Lines, bool HiddenByTruncation)
{
    /// <summary>Characters of the section, heading line included.</summary>
    public int Chars => End - Start;

    public int TokenCost => (Chars + 3) / 4;
}
