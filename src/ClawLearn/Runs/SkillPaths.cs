namespace ClawLearn.Runs;

/// <summary>
/// Finds skill names in text: each <c>name/SKILL.md</c>, where the name is an ASCII letter, digit or underscore
/// followed by any of those or <c>.</c> and <c>-</c>; exactly what the regex
/// <c>([A-Za-z0-9_][A-Za-z0-9_.\-]*)/SKILL\.md</c> matches, leftmost first and without overlaps.
/// </summary>
/// <remarks>
/// The regex had to try a match at nearly every position (its first character is almost any word character), which
/// made it a fifth of ingest's read time. Here the literal <c>/SKILL.md</c> is searched for (vectorised, and rare) and
/// the name is walked back from it. That is the same match: <c>/</c> is not a name character, so from any start the
/// name runs to the first non-name character and matches only when <c>/SKILL.md</c> follows there; the leftmost
/// start before a given <c>/SKILL.md</c> is the first allowed first character after the last non-name character
/// (and not before the end of the previous match).
/// </remarks>
internal static class SkillPaths
{
    private const string Suffix = "/SKILL.md";

    /// <summary>Adds each name found in <paramref name="text"/> to <paramref name="names"/>, in order, once.</summary>
    public static void AddNames(ReadOnlySpan<char> text, List<string> names)
    {
        var resume = 0; // matches do not overlap: the next one starts after the previous one ended
        var at = 0;
        while (true)
        {
            var found = text[at..].IndexOf(Suffix, StringComparison.Ordinal);
            if (found < 0) return;
            var end = at + found;
            at = end + 1;
            var runStart = end;
            while (runStart > resume && IsNameChar(text[runStart - 1])) runStart--;
            var start = runStart;
            while (start < end && !IsFirstChar(text[start])) start++;
            if (start == end) continue;
            var name = new string(text[start..end]);
            if (!names.Contains(name)) names.Add(name);
            resume = end + Suffix.Length;
            at = resume;
        }
    }

    private static bool IsFirstChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsNameChar(char c) => IsFirstChar(c) || c is '.' or '-';
}
