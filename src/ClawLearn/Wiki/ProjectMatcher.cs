namespace ClawLearn.Wiki;

/// <summary>
/// Finds which projects a text talks about: a project's slug (<c>home-assistant</c>), its words
/// (<c>home assistant</c>) or its letters run together (<c>homeassistant</c>), as whole words, case-insensitively.
/// Names shorter than four characters are not matched: they would match everywhere.
/// </summary>
public sealed class ProjectMatcher
{
    private readonly (string Slug, string[] Variants)[] _projects;

    public ProjectMatcher(IEnumerable<string> slugs)
    {
        _projects = slugs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(s => (s, new[] { s, s.Replace('-', ' '), s.Replace("-", "", StringComparison.Ordinal) }
                .Where(v => v.Length >= 4).Distinct(StringComparer.Ordinal).ToArray()))
            .Where(p => p.Item2.Length > 0)
            .ToArray();
    }

    public bool IsEmpty => _projects.Length == 0;

    /// <summary>Adds the slug of every project <paramref name="lowerText"/> mentions to <paramref name="hits"/>.</summary>
    public void Match(string lowerText, ISet<string> hits)
    {
        foreach (var (slug, variants) in _projects)
        {
            if (hits.Contains(slug)) continue;
            if (variants.Any(v => ContainsWord(lowerText, v))) hits.Add(slug);
        }
    }

    /// <summary>The project a MEMORY.md section arm is about: <c>memory:projects:&lt;name&gt;</c> under a projects section.</summary>
    public string? OfMemoryArm(string armId) =>
        armId.Split(':') is [_, var h2, var h3] && h2.Contains("project", StringComparison.Ordinal) && _projects.Any(p => p.Slug == h3) ? h3 : null;

    private static bool ContainsWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + word.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after) return true;
        }
        return false;
    }
}
