using System.Text.Json;

namespace ClawLearn.Tests.Usage;

/// <summary>
/// An independent re-implementation, for tests, of how ccusage's OpenClaw adapter (ccusage 20,
/// <c>adapter/openclaw/{paths,parser,loader}.rs</c>) totals usage per session: every file under the root whose
/// name ends in <c>.jsonl</c> (or has <c>.jsonl.deleted.</c>/<c>.jsonl.reset.</c>), symlinks skipped; lines that do
/// not mention "usage" skipped; <c>type:"message"</c> with <c>message.role:"assistant"</c> and a <c>message.usage</c>
/// object; entries whose tokens are all zero dropped; identical entries deduplicated; the session is the file name
/// up to ".jsonl". Written from its documented rules, sharing no code with ClawLearn.
/// </summary>
public static class CcusageRules
{
    public sealed record SessionTotals(long Input, long Output, long CacheRead, long CacheWrite, long Total, double Cost, int Entries);

    public static Dictionary<string, SessionTotals> BySession(string root)
    {
        var seen = new HashSet<string>();
        var totals = new Dictionary<string, SessionTotals>(StringComparer.Ordinal);
        foreach (var file in Files(root).Order(StringComparer.Ordinal))
        {
            var session = Stem(Path.GetFileName(file));
            foreach (var line in File.ReadLines(file))
            {
                if (!line.Contains("\"usage\"", StringComparison.Ordinal)) continue;
                JsonDocument doc;
                try { doc = JsonDocument.Parse(line); } catch (JsonException) { continue; }
                using (doc)
                {
                    if (Entry(doc.RootElement) is not { } e) continue;
                    if (!seen.Add($"{session}|{e.Time}|{e.Model}|{e.Input}|{e.Output}|{e.CacheWrite}|{e.CacheRead}|{e.Total}|{e.Cost}")) continue;
                    var t = totals.GetValueOrDefault(session) ?? new SessionTotals(0, 0, 0, 0, 0, 0, 0);
                    totals[session] = new SessionTotals(t.Input + e.Input, t.Output + e.Output, t.CacheRead + e.CacheRead, t.CacheWrite + e.CacheWrite,
                        t.Total + e.Total, t.Cost + e.Cost, t.Entries + 1);
                }
            }
        }
        return totals;
    }

    /// <summary>ccusage's own per-session totals: its native binary run on <paramref name="root"/>, offline.</summary>
    public static Dictionary<string, SessionTotals> FromCcusage(string binary, string root)
    {
        var start = new System.Diagnostics.ProcessStartInfo(binary, ["openclaw", "session", "--offline", "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OPENCLAW_DIR"] = root;
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Xunit.Assert.True(process.ExitCode == 0, $"ccusage exited with {process.ExitCode}: {error.Result}");
        using var doc = JsonDocument.Parse(output);
        var totals = new Dictionary<string, SessionTotals>(StringComparer.Ordinal);
        foreach (var s in doc.RootElement.GetProperty("sessions").EnumerateArray())
        {
            long L(string name) => s.GetProperty(name).GetInt64();
            totals[s.GetProperty("sessionId").GetString()!] = new SessionTotals(L("inputTokens"), L("outputTokens"), L("cacheReadTokens"),
                L("cacheCreationTokens"), L("totalTokens"), s.GetProperty("totalCost").GetDouble(), 0);
        }
        return totals;
    }

    public static string Stem(string fileName)
    {
        var index = fileName.IndexOf(".jsonl", StringComparison.Ordinal);
        return index > 0 ? fileName[..index] : fileName;
    }

    private sealed record EntryValues(string Time, string Model, long Input, long Output, long CacheRead, long CacheWrite, long Total, double Cost);

    private static EntryValues? Entry(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !Is(root, "type", "message")) return null;
        if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object || !Is(message, "role", "assistant")) return null;
        if (!message.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object) return null;
        long N(string name) => usage.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetUInt64(out var u) ? (long)u : 0;
        var (input, output, cacheRead, cacheWrite, reported) = (N("input"), N("output"), N("cacheRead"), N("cacheWrite"), N("totalTokens"));
        var parts = input + output + cacheRead + cacheWrite;
        if (parts == 0 && reported > 0) (output, parts) = (reported, reported); // only a total: ccusage books it as output
        if (parts == 0) return null;
        var cost = usage.TryGetProperty("cost", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("total", out var ct)
            && ct.ValueKind == JsonValueKind.Number ? ct.GetDouble() : 0;
        var time = message.TryGetProperty("timestamp", out var ts) ? ts.GetRawText() : root.TryGetProperty("timestamp", out var rts) ? rts.GetRawText() : "";
        var model = message.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        return new EntryValues(time, model, input, output, cacheRead, cacheWrite, Math.Max(reported, parts), cost);
    }

    private static bool Is(JsonElement e, string name, string value) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == value;

    private static IEnumerable<string> Files(string dir)
    {
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null) continue;
            if (entry is DirectoryInfo sub)
            {
                foreach (var f in Files(sub.FullName)) yield return f;
            }
            else if (entry.Name.IndexOf(".jsonl", StringComparison.Ordinal) is > 0 and var i
                     && (entry.Name[i..] == ".jsonl" || entry.Name[i..].StartsWith(".jsonl.deleted.", StringComparison.Ordinal)
                         || entry.Name[i..].StartsWith(".jsonl.reset.", StringComparison.Ordinal)))
            {
                yield return entry.FullName;
            }
        }
    }
}
