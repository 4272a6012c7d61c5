using System.Text.RegularExpressions;

namespace ClawLearn.Wiki;

/// <summary>
/// What a transcript's text needs before anything of it may reach the vault: channel envelopes and
/// <c>[message_id: …]</c> lines stripped (they carry names, handles and ids, openclaw-formats A2.1 item 5), noise turns
/// recognised (heartbeats, silent replies, memory flushes, <c>/new</c>), and labels clipped at a word boundary.
/// </summary>
public static partial class ChatText
{
    /// <summary>User text without its channel envelope, message-id lines or a group sender prefix.</summary>
    public static string StripEnvelope(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Where(l => !MessageIdLine().IsMatch(l));
        var body = string.Join('\n', lines).TrimStart();
        var match = Envelope().Match(body);
        if (match.Success && IsEnvelopeHeader(match.Groups[1].Value))
        {
            body = body[match.Length..];
            // In groups and channels the body starts with the sender's name: "Bob: …". A direct chat's does not.
            if (GroupHeader().IsMatch(match.Groups[1].Value)) body = SenderPrefix().Replace(body, "", 1);
        }
        return body.Trim();
    }

    /// <summary>Heartbeat polls, memory flushes, session commands and silent replies: turns that carry no knowledge.</summary>
    public static bool IsNoise(string text)
    {
        var t = text.Trim();
        return t.Length == 0
            || t is "HEARTBEAT_OK" or "NO_REPLY" or "/new" or "/reset" or "(session bootstrap)"
            || t.StartsWith("Read HEARTBEAT.md if it exists", StringComparison.Ordinal)
            || t.StartsWith("Pre-compaction memory flush", StringComparison.Ordinal)
            || t.StartsWith("/new ", StringComparison.Ordinal) || t.StartsWith("/reset ", StringComparison.Ordinal);
    }

    /// <summary>At most <paramref name="max"/> characters, cut at a word boundary with an ellipsis.</summary>
    public static string Clip(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(' ', ',', ';', ':') + "…";
    }

    private static bool IsEnvelopeHeader(string header) =>
        EnvelopeDate().IsMatch(header) || ChannelLabel().IsMatch(header);

    [GeneratedRegex(@"^\[([^\]]+)\]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Envelope();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex EnvelopeDate();

    [GeneratedRegex(@"^(Telegram|Discord|Slack|WhatsApp|Signal|iMessage|Matrix|Mattermost|WebChat|Teams|Google Chat|LINE|IRC|SMS|Email)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ChannelLabel();

    // A group id is negative (Telegram), a forum topic is named, a channel starts with '#' (Discord, Slack).
    [GeneratedRegex(@"id:-\d|\btopic:|(^|\s)#\S", RegexOptions.CultureInvariant)]
    private static partial Regex GroupHeader();

    [GeneratedRegex(@"^\s*\[message_id:[^\]]*\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdLine();

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{N} ._'-]{0,39}:\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SenderPrefix();

}
