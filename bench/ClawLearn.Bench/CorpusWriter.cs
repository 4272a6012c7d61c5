using System.Text.Json;

namespace ClawLearn.Bench;

/// <summary>
/// Writes a real-format OpenClaw transcript of a given size with a realistic line mix: user turns, assistant
/// turns with thinking and tool calls, tool results of 1–64 KB, and an occasional 2 MB base64 image.
/// Deterministic for a given seed.
/// </summary>
internal static class CorpusWriter
{
    public static void WriteTranscript(string path, long targetBytes, int seed = 42, string sessionId = "bench-session")
    {
        var random = new Random(seed);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true });
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var n = 0;
        Line(file, writer, w =>
        {
            w.WriteString("type", "session"); w.WriteNumber("version", 3); w.WriteString("id", sessionId);
            w.WriteString("timestamp", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")); w.WriteString("cwd", "/home/bench/.openclaw/workspace");
        });
        var filler = new string('a', 64 * 1024);
        var image = Convert.ToBase64String(new byte[1_500_000]);
        while (file.Position < targetBytes)
        {
            t = t.AddSeconds(7);
            var id = $"{++n:x8}";
            switch (n % 4)
            {
                case 0:
                    var withImage = n % 997 == 0;
                    Message(file, writer, id, t, "user", w =>
                    {
                        w.WriteStartArray("content");
                        w.WriteStartObject(); w.WriteString("type", "text"); w.WriteString("text", $"Question {n}: what did we decide about the Zigbee channel?"); w.WriteEndObject();
                        if (withImage) { w.WriteStartObject(); w.WriteString("type", "image"); w.WriteString("data", image); w.WriteString("mimeType", "image/png"); w.WriteEndObject(); }
                        w.WriteEndArray();
                    });
                    break;
                case 1:
                case 3:
                    Message(file, writer, id, t, "assistant", w =>
                    {
                        w.WriteStartArray("content");
                        w.WriteStartObject(); w.WriteString("type", "thinking"); w.WriteString("thinking", filler.AsSpan(0, random.Next(200, 4000))); w.WriteEndObject();
                        w.WriteStartObject(); w.WriteString("type", "text"); w.WriteString("text", $"Answer {n}: pinned to channel 25 per MEMORY.md."); w.WriteEndObject();
                        w.WriteStartObject(); w.WriteString("type", "toolCall"); w.WriteString("id", $"toolu_{n}"); w.WriteString("name", n % 3 == 0 ? "exec" : "read");
                        w.WriteStartObject("arguments"); w.WriteString("path", $"memory/2026-01-{n % 28 + 1:00}.md"); w.WriteEndObject(); w.WriteEndObject();
                        w.WriteEndArray();
                        w.WriteString("api", "anthropic-messages"); w.WriteString("provider", "anthropic"); w.WriteString("model", "claude-opus-4-5");
                        w.WriteStartObject("usage"); w.WriteNumber("input", 1200); w.WriteNumber("output", 300); w.WriteNumber("cacheRead", 9000);
                        w.WriteNumber("cacheWrite", 0); w.WriteNumber("totalTokens", 10500); w.WriteEndObject();
                        w.WriteString("stopReason", "toolUse");
                    });
                    break;
                default:
                    Message(file, writer, id, t, "toolResult", w =>
                    {
                        w.WriteString("toolCallId", $"toolu_{n - 1}"); w.WriteString("toolName", "read");
                        w.WriteStartArray("content"); w.WriteStartObject(); w.WriteString("type", "text");
                        w.WriteString("text", filler.AsSpan(0, random.Next(1024, filler.Length))); w.WriteEndObject(); w.WriteEndArray();
                        w.WriteBoolean("isError", false);
                    });
                    break;
            }
        }
    }

    private static void Message(FileStream file, Utf8JsonWriter writer, string id, DateTimeOffset t, string role, Action<Utf8JsonWriter> body) =>
        Line(file, writer, w =>
        {
            w.WriteString("type", "message"); w.WriteString("id", id); w.WriteString("timestamp", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            w.WriteStartObject("message"); w.WriteString("role", role); body(w); w.WriteNumber("timestamp", t.ToUnixTimeMilliseconds()); w.WriteEndObject();
        });

    private static void Line(FileStream file, Utf8JsonWriter writer, Action<Utf8JsonWriter> body)
    {
        writer.Reset(file);
        writer.WriteStartObject();
        body(writer);
        writer.WriteEndObject();
        writer.Flush();
        file.WriteByte((byte)'\n');
    }

    /// <summary>A sessions.json map whose entries each carry a ~100 KB systemPromptReport.</summary>
    public static void WriteSessionIndex(string path, long targetBytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        var prompt = new string('p', 100_000);
        w.WriteStartObject();
        for (var i = 0; file.Position + 110_000 < targetBytes || i == 0; i++)
        {
            w.WriteStartObject($"agent:main:telegram:dm:{i}");
            w.WriteString("sessionId", $"{i:x8}-0000-4000-8000-000000000000");
            w.WriteNumber("updatedAt", 1771578000000 + i);
            w.WriteString("channel", "telegram");
            w.WriteStartObject("systemPromptReport");
            w.WriteStartObject("systemPrompt"); w.WriteNumber("chars", prompt.Length); w.WriteString("text", prompt); w.WriteEndObject();
            w.WriteStartObject("tools"); w.WriteStartArray("entries");
            foreach (var tool in new[] { "exec", "read", "write", "web_search" }) { w.WriteStartObject(); w.WriteString("name", tool); w.WriteNumber("schemaChars", 800); w.WriteEndObject(); }
            w.WriteEndArray(); w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
        }
        w.WriteEndObject();
    }
}
