using System.Text.RegularExpressions;
using ClawLearn.Sessions;

namespace ClawLearn.Wiki;

/// <summary>Makes a <see cref="SessionLabel"/> from what discovery resolved for a session (trace-contract 3).</summary>
public static partial class SessionLabels
{
    public static SessionLabel From(SessionInfo info)
    {
        var name = info.Name is { Length: > 0 } n && !PersonLabel().IsMatch(n) ? ChatText.Clip(ChatText.Private(n), 80) : null;
        return new SessionLabel(name, info.Channel, Kind(info), info.IndexEntry?.Report?.SkillChars.Keys.Order(StringComparer.Ordinal).ToList() ?? []);
    }

    /// <summary>subagent, cron, hook, group (groups, channels, threads) or direct (A3's classification).</summary>
    public static string Kind(SessionInfo info)
    {
        var key = info.SessionKey ?? "";
        if (info.IsSubagent) return "subagent";
        if (key.Contains(":cron:", StringComparison.Ordinal)) return "cron";
        if (key.Contains(":hook:", StringComparison.Ordinal)) return "hook";
        if (key.Contains(":group:", StringComparison.Ordinal) || key.Contains(":channel:", StringComparison.Ordinal)
            || info.IndexEntry?.ChatType is "group" or "channel" or "room" || info.Source.ThreadId is not null)
            return "group";
        return "direct";
    }

    // Origin labels name a person: "Alice Smith (@alice) id:123456789".
    [GeneratedRegex(@"\(@|\bid:-?\d|@[A-Za-z0-9_]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex PersonLabel();
}
