using System.Text.RegularExpressions;

namespace ClawLearn.Learning;

/// <summary>
/// <c>learning.seedArms</c>: arm ids matched case-insensitively, with <c>*</c> globs (<c>tool:web:*</c>), so the
/// reference's Claude-style seeds (<c>tool:fs:Read</c>) also match OpenClaw's real lower-case tools.
/// </summary>
public sealed class SeedArms
{
    private readonly Regex[] _patterns;

    public SeedArms(IEnumerable<string> patterns)
    {
        Patterns = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        _patterns = Patterns.Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToArray();
    }

    public static SeedArms None { get; } = new([]);

    public IReadOnlyList<string> Patterns { get; }

    public bool Matches(string armId)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(armId)) return true;
        }
        return false;
    }
}
