using System.Buffers;
using System.Text.RegularExpressions;

namespace ClawLearn.Wiki;

/// <summary>
/// OpenClaw's own redaction patterns (openclaw-formats A7, <c>src/logging/redact.ts</c>) plus the extras A7 suggests
/// (AWS keys, JWTs, credentials in URLs) and PII minimisation (emails, phone numbers). Every text that enters the
/// vault passes through <see cref="Redact"/>; a secret is replaced, never shortened, so no prefix of it survives.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "[REDACTED]";

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        // Each pattern runs only when the text holds what it cannot match without: most lines hold none of it.
        if (text.Contains("-----BEGIN", StringComparison.Ordinal)) text = Pem().Replace(text, Mask);
        if (text.AsSpan().IndexOfAny('=', ':') >= 0)
        {
            text = EnvAssignment().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
            text = LabelledSecret().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
        }
        if (text.Contains('"')) text = JsonField().Replace(text, m => m.Groups[1].Value + "\"" + Mask + "\"");
        if (text.Contains("--", StringComparison.Ordinal)) text = CliFlag().Replace(text, m => m.Groups[1].Value + Mask);
        if (text.Contains("earer", StringComparison.OrdinalIgnoreCase))
        {
            text = AuthorizationHeader().Replace(text, m => m.Groups[1].Value + Mask);
            text = BareBearer().Replace(text, "Bearer " + Mask);
        }
        if (text.Contains("://", StringComparison.Ordinal)) text = UrlCredentials().Replace(text, m => m.Groups[1].Value + Mask + "@");
        if (text.AsSpan().IndexOfAny(TokenPrefixes) >= 0) text = PrefixedToken().Replace(text, Mask);
        if (text.Contains(':')) text = TelegramBotToken().Replace(text, Mask);
        if (text.Contains("eyJ", StringComparison.Ordinal)) text = Jwt().Replace(text, Mask);
        if (text.Contains('@')) text = Email().Replace(text, "[email]");
        if (text.Contains('+')) text = Phone().Replace(text, "[phone]");
        return text;
    }

    private static readonly SearchValues<string> TokenPrefixes = SearchValues.Create(
        ["sk-", "ghp_", "gho_", "github_pat_", "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "xapp-", "gsk_", "AIza", "pplx-", "npm_", "AKIA"], StringComparison.Ordinal);

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Pem();

    [GeneratedRegex(@"\b([A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD))\b(\s*[=:]\s*)(""[^""]*""|'[^']*'|\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"(""(?:api[_-]?key|token|secret|password|passwd|access[_-]?token|refresh[_-]?token)""\s*:\s*)""[^""]*""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex JsonField();

    // Prose such as "password: hunter2" or "api key = abc": what lint's PII check (B9) looks for, lower case included.
    [GeneratedRegex(@"\b(passwords?|passwd|passphrase|api[ _-]?keys?|secrets?|tokens?|credentials?)(\s*[=:]\s*)(?!\[REDACTED\])(""[^""]*""|'[^']*'|\S+)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LabelledSecret();

    [GeneratedRegex(@"(--(?:api-key|token|secret|password)(?:=|\s+))(""[^""]*""|'[^']*'|\S+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CliFlag();

    [GeneratedRegex(@"(Authorization\s*:\s*Bearer\s+)\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\bBearer\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{18,}", RegexOptions.CultureInvariant)]
    private static partial Regex BareBearer();

    [GeneratedRegex(@"(https?://)[^/\s:@]+:[^@\s/]+@", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_-]{8,}|ghp_[A-Za-z0-9]{8,}|gho_[A-Za-z0-9]{8,}|github_pat_[A-Za-z0-9_]{8,}|xox[baprs]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|gsk_[A-Za-z0-9]{8,}|AIza[0-9A-Za-z_-]{8,}|pplx-[A-Za-z0-9]{8,}|npm_[A-Za-z0-9]{8,}|AKIA[0-9A-Z]{16})", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedToken();

    [GeneratedRegex(@"\b\d{6,}:[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex TelegramBotToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // "+4915112345678", "+49 151 1234567", "+1 (555) 010-9999": a plus, a country code and more groups that hold digits.
    [GeneratedRegex(@"\+\d{7,}|\+\d{1,4}[ .-]?\(?\d{2,}\)?(?:[ .-]?[0-9A-Za-z]*\d[0-9A-Za-z]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
