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
    public void Secrets_and_pii_are_replaced_whole(string input, string expected) => Assert.Equal(expected, Redactor.Redact(input));

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
        Assert.Equal("ask @… (id:…) by mail [email]", ChatText.Private("ask @alice (id:123456789) by mail alice@example.com"));

    [Theory]
    [InlineData("HEARTBEAT_OK")]
    [InlineData("NO_REPLY")]
    [InlineData("/new")]
    [InlineData("Read HEARTBEAT.md if it exists (workspace context). Follow it strictly.")]
    [InlineData("Pre-compaction memory flush. Store durable memories now.")]
    public void Noise_turns_are_recognised(string text) => Assert.True(ChatText.IsNoise(text));

    [Fact]
    public void A_gist_is_a_sentence_or_two_never_a_dump()
    {
        var answer = "Pin zigbee2mqtt to 1.35.x, disable auto-update in Watchtower. Then add a cable. " + string.Join(" ", Enumerable.Repeat("More detail follows here.", 40));
        var gist = ChatText.Gist(answer);
        Assert.StartsWith("Pin zigbee2mqtt to 1.35.x, disable auto-update in Watchtower.", gist);
        Assert.True(gist.Length <= 200, gist);
        Assert.DoesNotContain("```", ChatText.Gist("Run this:\n```sh\nrm -rf /\n```\nDone."));
    }
}
