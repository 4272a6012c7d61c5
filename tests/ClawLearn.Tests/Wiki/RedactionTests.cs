using ClawLearn.Wiki;

namespace ClawLearn.Tests.Wiki;

public class RedactionTests
{
    [Theory]
    [InlineData("OPENAI_API_KEY=sk-CONTENTCANARYabcdefghijklmnopqrstuvwx", "OPENAI_API_KEY=[REDACTED]")]
    [InlineData("MQTT_PASSWORD=hunter2-CONTENTCANARY", "MQTT_PASSWORD=[REDACTED]")]
    [InlineData("GITHUB_TOKEN: \"abc def\"", "GITHUB_TOKEN: [REDACTED]")]
    [InlineData("{\"apiKey\": \"abc123\", \"name\": \"x\"}", "{\"apiKey\": \"[REDACTED]\", \"name\": \"x\"}")]
    [InlineData("curl --token abc123 https://x", "curl --token [REDACTED] https://x")]
    [InlineData("Authorization: Bearer abc.def.ghi", "Authorization: Bearer [REDACTED]")]
    [InlineData("use Bearer abcdefghijklmnopqrstuvwxyz0123", "use Bearer [REDACTED]")]
    [InlineData("the key sk-ant-api03-CANARYcanaryCANARY0001 leaked", "the key [REDACTED] leaked")]
    [InlineData("token ghp_CONTENTCANARY0123456789abcdefABCDEF01 here", "token [REDACTED] here")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdef", "[REDACTED]")]
    [InlineData("slack xoxb-CANARY-0000000000 and xapp-1-ABCDEF", "slack [REDACTED] and [REDACTED]")]
    [InlineData("groq gsk_abcdefgh12345678 google AIzaSyA1234567890abcdef", "groq [REDACTED] google [REDACTED]")]
    [InlineData("pplx-abcdefgh1234 npm_abcdefgh1234", "[REDACTED] [REDACTED]")]
    [InlineData("bot 123456789:AAH-CANARYcanaryCANARYcanary00", "bot [REDACTED]")]
    [InlineData("aws AKIAABCDEFGHIJKLMNOP", "aws [REDACTED]")]
    [InlineData("jwt eyJhbGciOi.eyJzdWIiOi.SflKxwRJSMeKKF2QT4", "jwt [REDACTED]")]
    [InlineData("https://alice:s3cret@example.com/x", "https://[REDACTED]@example.com/x")]
    [InlineData("mail alice@example.com now", "mail [email] now")]
    [InlineData("call +49 151 CONTENTCANARY00 or +4915112345678", "call [phone] or [phone]")]
    [InlineData("the password: hunter2 is old", "the password: [REDACTED] is old")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----", "[REDACTED]")]
    // A7's patterns ignore case (redact.ts compiles them with "gi"), and no separator crosses a line.
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG", "aws_secret_access_key = [REDACTED]")]
    [InlineData("clientSecret: \"abc def\"", "clientSecret: [REDACTED]")]
    [InlineData("db_password=hunter2", "db_password=[REDACTED]")]
    [InlineData("{\"clientSecret\": \"abc\"}", "{\"clientSecret\": \"[REDACTED]\"}")]
    [InlineData("use bearer abcdefghijklmnopqrstuvwxyz0123", "use bearer [REDACTED]")]
    [InlineData("AUTHORIZATION: bearer abc.def", "AUTHORIZATION: bearer [REDACTED]")]
    [InlineData("Authorization=Basic dXNlcjpwYXNz", "Authorization=Basic [REDACTED]")]
    [InlineData("groq gsk_abcd-efgh_ijkl-mnop done", "groq [REDACTED] done")]
    [InlineData("pplx-abcd_efgh-ijkl done", "[REDACTED] done")]
    [InlineData("GHP_CONTENTCANARY0123456789 here", "[REDACTED] here")]
    [InlineData("run --api_key abc123 --passwd=xyz", "run --api_key [REDACTED] --passwd=[REDACTED]")]
    [InlineData("- the password:\n## Sources", "- the password:\n## Sources")]
    [InlineData("API_KEY =\nnext line", "API_KEY =\nnext line")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\nMIIEdef", "[REDACTED]")]
    [InlineData("ping @alicecanary or ID:987654321", "ping @… or id:…")]
    public void Secrets_and_pii_are_replaced_whole(string input, string expected) => Assert.Equal(expected, Redactor.Redact(input));

    [Fact]
    public void A_megabyte_line_redacts_in_linear_time_and_still_finds_what_it_holds()
    {
        // A regex scan for emails was quadratic here (a 2 MB line with one '@' took a minute); now each '@' costs a bounded
        // look around it. The bound is generous on purpose: it fails only on superlinear behaviour, not on a slow machine.
        var run = new string('a', 1 << 20);
        var labels = string.Concat(Enumerable.Repeat("a.", 1 << 19));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var one = Redactor.Redact(run + "@example.com");
        var two = Redactor.Redact("mail a.b@example.com, c@d.example.org or x@y");
        var many = Redactor.Redact("x@" + labels + "1 " + run + "@");
        var tokens = Redactor.Redact(run + " password: " + run);
        watch.Stop();
        Assert.EndsWith("[email]", one);
        Assert.DoesNotContain("@example", one);
        Assert.StartsWith("x@", many);
        Assert.Equal("mail [email], [email] or x@y", two);
        Assert.EndsWith("password: [REDACTED]", tokens);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_pem_key_in_a_file_is_redacted_whole_before_the_file_is_split_into_lines()
    {
        var outline = OutlineParser.Parse("## Keys\n- deploy key:\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIPEMBODY\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----\n- rotate yearly\n");
        var lines = outline.Sections.Single().Lines;
        Assert.DoesNotContain(lines, l => l.Contains("PEMBODY", StringComparison.Ordinal) || l.Contains("AwEHoUQDQgAE", StringComparison.Ordinal));
        Assert.Contains("rotate yearly", lines);
    }

    [Theory]
    [InlineData("Pinned Z2M to 1.35.x after the January update broke pairing.")]
    [InlineData("Every run carries about 4,725 tokens of bootstrap files")]
    [InlineData("The task-force met; +5 points for the desk-top plan.")]
    public void Ordinary_text_is_left_alone(string text) => Assert.Equal(text, Redactor.Redact(text));

    [Theory]
    [InlineData("[Telegram Alice Smith (@alice) id:123456789 +9h 2026-02-20 09:00 UTC] The HA box\n[message_id: 4821]", "The HA box")]
    [InlineData("[Telegram Dev Chat id:-1001234567890 topic:42 +2m 2026-02-17 14:05 UTC] Bob: @clawbot how do we tag releases?", "@clawbot how do we tag releases?")]
    [InlineData("[Discord #homelab] carol: which VLAN is the NAS on?", "which VLAN is the NAS on?")]
    [InlineData("[not an envelope] keep this", "[not an envelope] keep this")]
    [InlineData("[Telegram Alice id:12345678 +1m 2026-02-21 09:00 UTC] Question 4: what changed?", "Question 4: what changed?")]
    public void Envelopes_and_sender_names_are_stripped(string input, string expected) => Assert.Equal(expected, ChatText.StripEnvelope(input));

    [Fact]
    public void Handles_and_numeric_ids_are_minimised() =>
        Assert.Equal("ask @… (id:…) by mail [email]", Redactor.Redact("ask @alice (id:123456789) by mail alice@example.com"));

    [Theory]
    [InlineData("HEARTBEAT_OK")]
    [InlineData("NO_REPLY")]
    [InlineData("/new")]
    [InlineData("Read HEARTBEAT.md if it exists (workspace context). Follow it strictly.")]
    [InlineData("Pre-compaction memory flush. Store durable memories now.")]
    public void Noise_turns_are_recognised(string text) => Assert.True(ChatText.IsNoise(text));
}
