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
        text = Pem().Replace(text, Mask);
        text = EnvAssignment().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
        text = JsonField().Replace(text, m => m.Groups[1].Value + "\"" + Mask + "\"");
        text = LabelledSecret().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
        text = CliFlag().Replace(text, m => m.Groups[1].Value + Mask);
        text = AuthorizationHeader().Replace(text, m => m.Groups[1].Value + Mask);
        text = BareBearer().Replace(text, "Bearer " + Mask);
        text = UrlCredentials().Replace(text, m => m.Groups[1].Value + Mask + "@");
        text = PrefixedToken().Replace(text, Mask);
        text = TelegramBotToken().Replace(text, Mask);
        text = Jwt().Replace(text, Mask);
        text = Email().Replace(text, "[email]");
        text = Phone().Replace(text, "[phone]");
        return text;
    }

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
