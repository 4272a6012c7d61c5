using System.Text.RegularExpressions;
using ClawLearn.Sessions;

namespace ClawLearn.Wiki;

/// <summary>Makes a <see cref="SessionLabel"/> from what discovery resolved for a session (trace-contract 3).</summary>
public static partial class SessionLabels
{
    public static SessionLabel From(SessionInfo info) =>
        new(SafeName(info.IndexEntry), info.Channel, Kind(info), info.IndexEntry?.Report?.SkillChars.Keys.Order(StringComparer.Ordinal).ToList() ?? []);

    /// <summary>
    /// The index's name for a session when it provably does not name a person: only a name given on purpose (the
    /// <c>label</c> OpenClaw sets for a named session, or a group's <c>subject</c>), and never one that carries a
    /// handle, an id, an email or a phone number. <c>displayName</c> and <c>origin.label</c> are the other party of a
    /// direct chat ("Alice Smith"), so they are never shown.
    /// </summary>
    public static string? SafeName(SessionIndexEntry? entry)
    {
        if (entry?.GivenName is not { Length: > 0 } name || PersonLabel().IsMatch(name)) return null;
        var safe = ChatText.Clip(Redactor.Redact(name), 80);
        return safe.Contains(Redactor.Mask, StringComparison.Ordinal) ? null : safe;
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

    // Origin labels name a person: "Alice Smith (@alice) id:123456789"; so do emails and phone numbers.
    [GeneratedRegex(@"@|\bid:-?\d|\+\d{5,}|\d{7,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PersonLabel();
}
