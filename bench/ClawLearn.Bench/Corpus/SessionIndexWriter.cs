using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// An agent's <c>sessions.json</c>: a map keyed by session key, indented with two spaces as
/// <c>JSON.stringify(store, null, 2)</c> writes it, streamed entry by entry.
/// </summary>
internal static class SessionIndexWriter
{
    public static void Write(string path, IEnumerable<PlannedSession> sessions, Func<PlannedSession, long> updatedMs, int seed)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var random = new Random(seed);
        w.WriteStartObject();
        foreach (var s in sessions)
        {
            w.WritePropertyName(s.Key);
            SessionEntryWriter.Write(w, s, updatedMs(s), Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, s.FileName!), random);
            if (w.BytesPending > 1 << 20) w.Flush();
        }
        w.WriteEndObject();
    }
}
