using System.Text;
using System.Text.RegularExpressions;

namespace ClawLearn.Wiki;

/// <summary>
/// What a transcript's text needs before anything of it may reach the vault: channel envelopes and
/// <c>[message_id: …]</c> lines stripped (they carry names, handles and ids, openclaw-formats A2.1 item 5), noise turns
/// recognised (heartbeats, silent replies, memory flushes, <c>/new</c>), handles and numeric ids minimised, and long text
/// cut to a sentence or two: the wiki distils, it never dumps a transcript.
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

    /// <summary>Redacted, with @handles and <c>id:123</c> numbers removed: the PII envelopes and labels carry.</summary>
    public static string Private(string text) =>
        NumericId().Replace(Handle().Replace(Redactor.Redact(text), "@…"), "id:…");

    /// <summary>The first sentence or two of a text, code blocks and markdown noise removed, at most <paramref name="max"/> chars.</summary>
    public static string Gist(string text, int max = 200)
    {
        var plain = Whitespace().Replace(CodeBlock().Replace(text, " "), " ").Trim();
        var sb = new StringBuilder();
        foreach (var s in Sentences(plain))
        {
            if (sb.Length > 0 && sb.Length + 1 + s.Length > max) break;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(s);
            if (sb.Length >= max / 2) break;
        }
        return Clip(sb.Length > 0 ? sb.ToString() : plain, max);
    }

    // A sentence ends at '.', '!' or '?' followed by white space or the end: "1.35.x" stays whole.
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))) continue;
            yield return text[start..(i + 1)].Trim();
            start = i + 1;
        }
        if (start < text.Length && text[start..].Trim() is { Length: > 0 } rest) yield return rest;
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

    [GeneratedRegex(@"(?<![\w.@])@[A-Za-z0-9_]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"\bid:-?\d{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex NumericId();

    [GeneratedRegex(@"```[\s\S]*?(```|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
