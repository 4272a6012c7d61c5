using System.Buffers;
using System.Text.RegularExpressions;

namespace ClawLearn.Wiki;

/// <summary>
/// OpenClaw's own redaction patterns (openclaw-formats A7, <c>src/logging/redact.ts</c>, which compiles them with the
/// flags <c>gi</c>: every pattern here ignores case too) plus the extras A7 suggests (AWS keys, JWTs, credentials in
/// URLs) and PII minimisation (emails, phone numbers, @handles, <c>id:&lt;digits&gt;</c>). Every text that enters the
/// vault passes through <see cref="Redact"/>, before it is clipped or summarised: a secret is replaced, never
/// shortened, so no prefix of it survives. Separators between a label and its value are spaces and tabs only: a label
/// at the end of one line must never swallow the next line. Every quantifier that can meet a long run of text is
/// bounded or anchored so that one adversarial line costs linear time.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "[REDACTED]";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        // Each pattern runs only when the text holds what it cannot match without: most lines hold none of it.
        text = RedactBlocks(text);
        if (text.AsSpan().IndexOfAny('=', ':') >= 0)
        {
            if (text.Contains("uthorization", StringComparison.OrdinalIgnoreCase))
                text = AuthorizationHeader().Replace(text, m => m.Groups[1].Value + Mask);
            text = EnvAssignment().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
            text = LabelledSecret().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
        }
        if (text.Contains('"')) text = JsonField().Replace(text, m => m.Groups[1].Value + "\"" + Mask + "\"");
        if (text.Contains("--", StringComparison.Ordinal)) text = CliFlag().Replace(text, m => m.Groups[1].Value + Mask);
        if (text.Contains("bearer", StringComparison.OrdinalIgnoreCase)) text = BareBearer().Replace(text, m => m.Groups[1].Value + Mask);
        if (text.Contains("://", StringComparison.Ordinal)) text = UrlCredentials().Replace(text, m => m.Groups[1].Value + Mask + "@");
        if (text.AsSpan().IndexOfAny(TokenPrefixes) >= 0) text = PrefixedToken().Replace(text, Mask);
        if (text.Contains(':')) text = TelegramBotToken().Replace(text, Mask);
        if (text.Contains("eyJ", StringComparison.OrdinalIgnoreCase)) text = Jwt().Replace(text, Mask);
        if (text.Contains('@'))
        {
            text = RedactEmails(text);
            text = Handle().Replace(text, "@…");
        }
        if (text.Contains('+')) text = Phone().Replace(text, "[phone]");
        if (text.Contains("id:", StringComparison.OrdinalIgnoreCase)) text = NumericId().Replace(text, "id:…");
        return text;
    }

    /// <summary>
    /// The patterns that span lines (PEM private keys), on a whole file's text: run this before a text is split into
    /// lines, or a key's base64 body, which holds no marker of its own, would pass line by line.
    /// </summary>
    public static string RedactBlocks(string text) =>
        text.Contains("-----BEGIN", StringComparison.OrdinalIgnoreCase) ? Pem().Replace(text, Mask) : text;

    /// <summary>
    /// Emails, found from each '@' outward rather than by a regex scan: a local part is at most 64 characters (RFC 5321),
    /// so each '@' costs a bounded look back and a bounded domain match, and a megabyte line costs one pass.
    /// </summary>
    private static string RedactEmails(string text)
    {
        System.Text.StringBuilder? sb = null;
        var copied = 0;
        for (var at = text.IndexOf('@'); at >= 0 && at < text.Length - 1; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > copied && at - start < MaxLocalPart && LocalPart.Contains(text[start - 1])) start--;
            if (start == at || Domain().Match(text, at + 1) is not { Success: true } domain) continue;
            sb ??= new System.Text.StringBuilder(text.Length);
            sb.Append(text, copied, start - copied).Append("[email]");
            copied = domain.Index + domain.Length;
            at = copied - 1;
        }
        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    private const int MaxLocalPart = 64;

    private static readonly SearchValues<char> LocalPart = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-");

    private static readonly SearchValues<string> TokenPrefixes = SearchValues.Create(
        ["sk-", "ghp_", "gho_", "github_pat_", "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "xapp-", "gsk_", "AIza", "pplx-", "npm_", "AKIA"],
        StringComparison.OrdinalIgnoreCase);

    // An unterminated key is redacted to the end of the text: better too much than its body.
    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\z)", Options)]
    private static partial Regex Pem();

    // A7's ENV-style assignment; with IgnoreCase it also takes aws_secret_access_key = X, clientSecret: "X", db_password=X.
    [GeneratedRegex(@"\b([A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD))\b([ \t]*[=:][ \t]*)(""[^""\n]*""|'[^'\n]*'|\S+)", Options)]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"(""(?:api[_-]?key|token|secret|password|passwd|access[_-]?token|refresh[_-]?token|client[_-]?secret)""[ \t]*:[ \t]*)""[^""\n]*""", Options)]
    private static partial Regex JsonField();

    // Prose such as "password: hunter2" or "api key = abc": what lint's PII check (B9) looks for.
    [GeneratedRegex(@"\b(passwords?|passwd|passphrase|api[ _-]?keys?|secrets?|tokens?|credentials?)([ \t]*[=:][ \t]*)(?!\[REDACTED\])(""[^""\n]*""|'[^'\n]*'|\S+)", Options)]
    private static partial Regex LabelledSecret();

    [GeneratedRegex(@"(--(?:api[-_]?key|token|secret|password|passwd)(?:=|[ \t]+))(""[^""\n]*""|'[^'\n]*'|\S+)", Options)]
    private static partial Regex CliFlag();

    // "Authorization: Bearer x", "Authorization=Basic x", "authorization: x": the whole credential, whatever its scheme.
    [GeneratedRegex(@"(\bAuthorization[ \t]*[=:][ \t]*(?:(?:Bearer|Basic|Token|Digest)[ \t]+)?)(?!\[REDACTED\])(""[^""\n]*""|'[^'\n]*'|\S+)", Options)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(\bBearer[ \t]+)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{18,}", Options)]
    private static partial Regex BareBearer();

    [GeneratedRegex(@"(https?://)[^/\s:@]+:[^@\s/]+@", Options)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_-]{8,}|gh[po]_[A-Za-z0-9_-]{8,}|github_pat_[A-Za-z0-9_-]{8,}|xox[baprs]-[A-Za-z0-9_-]{6,}|xapp-[A-Za-z0-9_-]{6,}|gsk_[A-Za-z0-9_-]{8,}|AIza[A-Za-z0-9_-]{8,}|pplx-[A-Za-z0-9_-]{8,}|npm_[A-Za-z0-9_-]{8,}|AKIA[0-9A-Z]{16})", Options)]
    private static partial Regex PrefixedToken();

    [GeneratedRegex(@"\b\d{6,}:[A-Za-z0-9_-]{20,}", Options)]
    private static partial Regex TelegramBotToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}", Options)]
    private static partial Regex Jwt();

    // An email's domain right after its '@' (\G): RFC 5321's bounds (labels of 63) keep each attempt short.
    [GeneratedRegex(@"\G[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,63}\b", Options)]
    private static partial Regex Domain();

    // "+4915112345678", "+49 151 1234567", "+1 (555) 010-9999": a plus, a country code and more groups that hold digits.
    [GeneratedRegex(@"\+\d{7,}|\+\d{1,4}[ .-]?\(?\d{2,}\)?(?:[ .-]?[0-9A-Za-z]*\d[0-9A-Za-z]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    // Handles and numeric ids name people (A7's PII list), whichever source they come from; "[REDACTED]@host" is a URL's.
    [GeneratedRegex(@"(?<![\w.@\]])@[A-Za-z0-9_]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"\bid:-?\d{3,}", Options)]
    private static partial Regex NumericId();
}
