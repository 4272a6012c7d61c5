using System.Text;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// Read-only UTF-8 pools that transcript text is sliced from: prose (user and assistant text, thinking),
/// tool output (logs, code, JSON with quotes and backslashes, so the writer pays for escaping as real lines
/// do) and base64 (images). Built once per process from a fixed seed and shared by every writer thread, so
/// no line allocates its text.
/// </summary>
internal sealed class TextPool
{
    private const int ProseBytes = 1 << 20;
    private const int OutputBytes = 1 << 20;
    private const int ImageBytes = 2_200_000;

    private static readonly string[] Words =
    [
        "the", "zigbee", "channel", "backup", "restic", "snapshot", "memory", "pinned", "update", "because", "gateway",
        "docker", "compose", "nginx", "config", "we", "decided", "last", "week", "to", "keep", "logs", "rotated", "and",
        "check", "before", "changing", "anything", "calendar", "invoice", "draft", "email", "reply", "summary", "meeting",
        "notes", "tomorrow", "morning", "deploy", "branch", "merge", "tests", "failing", "flaky", "retry", "timeout",
        "home", "assistant", "sensor", "battery", "low", "kitchen", "lights", "schedule", "cron", "job", "daily", "brief",
        "paper", "retrieval", "embedding", "vector", "index", "benchmark", "latency", "p95", "cache", "token", "budget",
        "skill", "workspace", "agent", "session", "thread", "topic", "group", "direct", "message", "of", "in", "is", "a",
        "it", "for", "on", "with", "that", "this", "was", "be", "not", "but", "or", "so", "then", "if", "when", "after",
    ];

    private static readonly string[] OutputLines =
    [
        "2026-07-14T09:12:44.512Z INFO  gateway: connected to broker mqtt://10.0.0.5:1883 (client \"z2m-{0}\")",
        "    at Object.<anonymous> (/home/bench/app/src/index.ts:{0}:17)",
        "{{\"id\":{0},\"status\":\"ok\",\"path\":\"C:\\\\Users\\\\bench\\\\notes\\\\{0}.md\",\"tags\":[\"home\",\"zigbee\"]}}",
        "-rw-r--r--  1 bench bench  {0} Jul 14 09:12 memory/2026-07-{0:00}.md",
        "def handler_{0}(event, context):\n    return {{\"statusCode\": 200, \"body\": json.dumps(event)}}",
        "| {0} | restic snapshot 9f3c{0} | 2026-07-14 | 1.2 GiB | ok |",
        "WARN  [scheduler] job daily-brief-{0} took 4.{0}s (budget 3s)\tretrying",
        "<div class=\"result\" data-rank=\"{0}\"><a href=\"https://example.org/p/{0}\">Result {0}</a></div>",
    ];

    private TextPool(byte[] prose, byte[] output, byte[] image)
    {
        Prose = prose;
        Output = output;
        Image = image;
    }

    public static TextPool Shared { get; } = Build();

    public byte[] Prose { get; }
    public byte[] Output { get; }
    public byte[] Image { get; }

    /// <summary>A slice of about <paramref name="length"/> bytes at a random place; ASCII, so any cut is valid UTF-8.</summary>
    public static ReadOnlySpan<byte> Slice(byte[] pool, Random random, int length)
    {
        length = Math.Clamp(length, 1, pool.Length);
        return pool.AsSpan(random.Next(0, pool.Length - length + 1), length);
    }

    /// <summary>Base64 of whole 3-byte groups: a 4-aligned slice of the image pool is itself valid base64.</summary>
    public ReadOnlySpan<byte> ImageSlice(Random random, int length)
    {
        length = Math.Clamp(length / 4 * 4, 4, Image.Length / 4 * 4);
        var start = random.Next(0, (Image.Length - length) / 4 + 1) * 4;
        return Image.AsSpan(start, length);
    }

    private static TextPool Build()
    {
        var random = new Random(20260901);
        var prose = new StringBuilder(ProseBytes + 256);
        while (prose.Length < ProseBytes)
        {
            var words = random.Next(6, 24);
            for (var i = 0; i < words; i++)
            {
                var word = Words[random.Next(Words.Length)];
                prose.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                prose.Append(i == words - 1 ? (random.Next(8) == 0 ? ".\n\n" : ". ") : " ");
            }
        }
        var output = new StringBuilder(OutputBytes + 256);
        while (output.Length < OutputBytes)
            output.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, OutputLines[random.Next(OutputLines.Length)], random.Next(1, 29)).Append('\n');
        var raw = new byte[ImageBytes / 4 * 3];
        random.NextBytes(raw);
        return new TextPool(Encoding.ASCII.GetBytes(prose.ToString(0, ProseBytes)), Encoding.ASCII.GetBytes(output.ToString(0, OutputBytes)),
            Encoding.ASCII.GetBytes(Convert.ToBase64String(raw)));
    }
}
