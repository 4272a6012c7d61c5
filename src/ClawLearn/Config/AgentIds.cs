using System.Text.RegularExpressions;

namespace ClawLearn.Config;

/// <summary>
/// Agent id normalisation as OpenClaw does it (<c>normalizeAgentId</c>): lower case; an id that is already
/// path-safe is kept as is; otherwise each run of other characters becomes one <c>-</c>, dashes are trimmed
/// from the ends, and the result is cut to 64 characters. An empty result means <c>main</c>.
/// </summary>
public static partial class AgentIds
{
    public const string Main = "main";

    public static string Normalize(string id)
    {
        var lower = id.Trim().ToLowerInvariant();
        if (Valid().IsMatch(lower)) return lower;
        var result = Invalid().Replace(lower, "-").Trim('-');
        if (result.Length > 64) result = result[..64];
        return result.Length == 0 ? Main : result;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Valid();

    [GeneratedRegex("[^a-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Invalid();
}
