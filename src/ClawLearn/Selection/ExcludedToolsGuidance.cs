using System.Text;
using ClawLearn.Learning;

namespace ClawLearn.Selection;

/// <summary>
/// The sentence a prompt carries about tools selection left out, so the model knows they exist and can ask.
/// Null when no tool was left out. Names are sanitised (control characters removed, at most 64 characters).
/// </summary>
public static class ExcludedToolsGuidance
{
    private const int MaxNameChars = 64;

    public static string? For(IEnumerable<string> excludedArmIds)
    {
        var names = excludedArmIds
            .Select(ArmId.Parse)
            .Where(id => id is { Type: ArmTypes.Tool })
            .Select(id => Sanitize(id!.Value.Id))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0) return null;
        return $"To save context, these tools are not loaded in this run: {string.Join(", ", names)}. " +
            "If the task needs one of them, say which one and why instead of working around it.";
    }

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(Math.Min(name.Length, MaxNameChars));
        foreach (var c in name)
        {
            if (char.IsControl(c)) continue;
            if (sb.Length == MaxNameChars) break;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
