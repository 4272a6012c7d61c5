using System.Text;

namespace ClawLearn.Config;

/// <summary>Agent id normalisation as OpenClaw does it: lower case, path-safe, at most 64 characters.</summary>
public static class AgentIds
{
    public const string Main = "main";

    public static string Normalize(string id)
    {
        var trimmed = id.Trim().ToLowerInvariant();
        var sb = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        var result = sb.ToString().Trim('-');
        if (result.Length > 64) result = result[..64];
        return result.Length == 0 ? Main : result;
    }
}
