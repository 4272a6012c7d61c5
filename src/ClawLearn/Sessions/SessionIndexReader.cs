using System.Text;
using System.Text.Json;
using ClawLearn.Config;
using ClawLearn.StateDir;

namespace ClawLearn.Sessions;

/// <summary>
/// Reads <c>sessions.json</c> in any of its three shapes, streamed: each entry is parsed on its own and
/// reduced to a <see cref="SessionIndexEntry"/> before the next is read. A store that only JSON5 can read
/// (unquoted keys, single quotes) falls back to the JSON5 reader when it is small enough to hold.
/// </summary>
public static class SessionIndexReader
{
    private const long Json5FallbackLimitBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The index at <paramref name="path"/>; one that cannot be read (unreadable, a link the privacy boundary forbids,
    /// not JSON) is empty with a <see cref="SessionIndex.Problem"/>: the agent's sessions are still read without it.
    /// </summary>
    public static SessionIndex Read(string path, string agentId, SafeFileAccess files)
    {
        if (!File.Exists(path)) return new SessionIndex(SessionIndexShape.None, [], null);
        try
        {
            // Judged once, for the check and the open together.
            using var stream = files.OpenReadIfAllowed(path, bufferSize: 1);
            return stream is null
                ? new SessionIndex(SessionIndexShape.None, [], "not read: it leads where the privacy boundary forbids")
                : ReadOpened(stream, path, agentId, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SessionIndex(SessionIndexShape.None, [], $"cannot be read: {e.Message}");
        }
    }

    private static SessionIndex ReadOpened(FileStream stream, string path, string agentId, SafeFileAccess files)
    {
        try
        {
            return ReadStream(stream, agentId);
        }
        catch (JsonException streamError)
        {
            if (stream.Length > Json5FallbackLimitBytes)
                return new SessionIndex(SessionIndexShape.None, [], $"not valid JSON: {streamError.Message}");
            try
            {
                var node = Json5Reader.Parse(files.ReadAllText(path), path);
                using var converted = new MemoryStream(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"));
                return ReadStream(converted, agentId);
            }
            catch (ConfigException json5Error)
            {
                return new SessionIndex(SessionIndexShape.None, [], json5Error.Message);
            }
            catch (ArgumentException notJson)
            {
                // NaN or Infinity: valid JSON5, but no JSON can carry it.
                return new SessionIndex(SessionIndexShape.None, [], $"cannot be read as JSON: {notJson.Message}");
            }
        }
    }

    public static SessionIndex ReadStream(Stream stream, string agentId)
    {
        if (stream.CanSeek && stream.Length - stream.Position == 0) return new SessionIndex(SessionIndexShape.None, [], null);
        using var walker = new JsonStreamWalker(stream);
        if (!walker.Read()) return new SessionIndex(SessionIndexShape.None, [], null);
        var entries = new List<SessionIndexEntry>();
        switch (walker.TokenType)
        {
            case JsonTokenType.StartArray:
                ReadArray(walker, e => SeedEntry(e, agentId), entries);
                return new SessionIndex(SessionIndexShape.SeedArray, entries, null);
            case JsonTokenType.StartObject:
                var shape = ReadObject(walker, agentId, entries, new StringPool());
                return new SessionIndex(shape, entries, null);
            default:
                return new SessionIndex(SessionIndexShape.None, [], "the session index is neither an object nor an array");
        }
    }

    private static SessionIndexShape ReadObject(JsonStreamWalker walker, string agentId, List<SessionIndexEntry> entries, StringPool names)
    {
        var shape = SessionIndexShape.Map;
        while (walker.Read() && walker.TokenType == JsonTokenType.PropertyName)
        {
            var key = walker.StringValue!;
            if (key == "sessions")
            {
                // Only the CLI export has a "sessions" array; a map entry under that key would be an object.
                if (!walker.Read()) break;
                if (walker.TokenType == JsonTokenType.StartArray)
                {
                    shape = SessionIndexShape.CliExport;
                    ReadArray(walker, e => CliEntry(e, agentId), entries);
                    continue;
                }
                if (walker.TokenType == JsonTokenType.StartObject) SkipRest(walker);
                continue;
            }
            walker.ReadValue(out ReadOnlyMemory<byte> value);
            if (!value.IsEmpty && IndexEntryReader.FromMap(key, value.Span, agentId, names) is { } entry) entries.Add(entry);
        }
        return shape;
    }

    private static void ReadArray(JsonStreamWalker walker, Func<JsonElement, SessionIndexEntry?> convert, List<SessionIndexEntry> entries)
    {
        while (walker.ReadValue(out JsonDocument? document))
        {
            if (walker.TokenType == JsonTokenType.EndArray) return;
            using (document)
            {
                if (document?.RootElement is { ValueKind: JsonValueKind.Object } element && convert(element) is { } entry)
                    entries.Add(entry);
            }
        }
    }

    private static void SkipRest(JsonStreamWalker walker)
    {
        var depth = 1;
        while (depth > 0 && walker.Read())
        {
            if (walker.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) depth++;
            else if (walker.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) depth--;
        }
    }

    private static SessionIndexEntry? CliEntry(JsonElement e, string agentId)
    {
        if (e.Str("sessionId") is not { Length: > 0 } sessionId) return null;
        var key = e.Str("key");
        return new SessionIndexEntry(key, sessionId, null, null, null, e.TimeMs("updatedAt"), null,
            (key is null ? null : IndexEntryReader.AgentFromKey(key)) ?? agentId, e.Str("channel"), e.Str("kind"), e.Str("modelProvider"),
            e.Str("model"), null, null);
    }

    private static SessionIndexEntry? SeedEntry(JsonElement e, string agentId)
    {
        if (e.Str("id") is not { Length: > 0 } id) return null;
        var agent = e.Str("agent_id") is { Length: > 0 } a && a != "default" ? AgentIds.Normalize(a) : agentId;
        return new SessionIndexEntry(null, id, null, e.Str("name"), e.TimeMs("created_at"), e.TimeMs("updated_at"),
            e.Int("message_count"), agent, e.Str("channel"), null, null, null, null, null);
    }
}
