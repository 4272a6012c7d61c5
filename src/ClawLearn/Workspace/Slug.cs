using System.Text;

namespace ClawLearn.Workspace;

/// <summary>slug = lower case, runs of non-alphanumerics become <c>-</c>, trimmed of <c>-</c>.</summary>
public static class Slug
{
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash)
            {
                sb.Append('-');
                dash = true;
            }
        }
        return sb.ToString().Trim('-');
    }
}
