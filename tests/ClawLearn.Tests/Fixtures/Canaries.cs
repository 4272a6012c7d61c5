namespace ClawLearn.Tests.Fixtures;

/// <summary>
/// Canary secrets planted by the fixture. Forbidden-file canaries must never appear in any output, nor may
/// their files be opened; config canaries must never be exported.
/// </summary>
public static class Canaries
{
    public const string ForbiddenMarker = "FORBIDDEN-CANARY";
    public const string ConfigMarker = "CONFIG-CANARY";

    public static string Forbidden(string where) => $"{ForbiddenMarker}-{where}";

    /// <summary>Secret-looking text inside readable content (transcripts, notes): for redaction, not for the boundary.</summary>
    public const string ContentGithubToken = "ghp_CONTENTCANARY0123456789abcdefABCDEF01";
    public const string ContentMqttPassword = "MQTT_PASSWORD=hunter2-CONTENTCANARY";
    public const string ContentOpenAiKey = "OPENAI_API_KEY=sk-CONTENTCANARYabcdefghijklmnopqrstuvwx";
    public const string ContentPhone = "+49 151 CONTENTCANARY00";
}
