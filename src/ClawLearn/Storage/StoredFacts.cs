using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Runs;

namespace ClawLearn.Storage;

/// <summary>
/// Reads a run's stored facts (the JSON <see cref="LearningJsonContext"/> writes) with one <see cref="Utf8JsonReader"/>
/// pass. Rebuilding traces reads every run of an agent back, and in a one-shot process the generated deserialiser spent
/// ~0.3 s of a 2 GB corpus's re-ingest on first-use set-up alone (its converters are generic over our types, so none
/// is precompiled), then ran at a third of this speed. Unknown properties are skipped, as the deserialiser skips them.
/// </summary>
internal static class StoredFacts
{
    public static RunFacts Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadObject(json);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new JsonException($"stored run facts: {e.Message}", e); // a value of the wrong type
        }
    }

    // Runs for every stored run, mostly in short-lived processes: compiled optimised at once rather than tiered up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RunFacts ReadObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        string agentId = "", sessionId = "";
        int userIndex = 0;
        long position = 0;
        long? userTime = null, firstTime = null, lastTime = null;
        string? provider = null, model = null, priorProvider = null, priorModel = null, error = null;
        bool hasAssistant = false, aborted = false;
        TraceUsage? usage = null;
        IReadOnlyList<string> tools = [], skills = [], files = [], memory = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            reader.Read();
            if (name.SequenceEqual("agentId"u8)) agentId = reader.GetString()!;
            else if (name.SequenceEqual("sessionId"u8)) sessionId = reader.GetString()!;
            else if (name.SequenceEqual("userIndex"u8)) userIndex = reader.GetInt32();
            else if (name.SequenceEqual("position"u8)) position = reader.GetInt64();
            else if (name.SequenceEqual("userTimeMs"u8)) userTime = Int64OrNull(ref reader);
            else if (name.SequenceEqual("firstTimeMs"u8)) firstTime = Int64OrNull(ref reader);
            else if (name.SequenceEqual("lastTimeMs"u8)) lastTime = Int64OrNull(ref reader);
            else if (name.SequenceEqual("provider"u8)) provider = reader.GetString();
            else if (name.SequenceEqual("model"u8)) model = reader.GetString();
            else if (name.SequenceEqual("priorProvider"u8)) priorProvider = reader.GetString();
            else if (name.SequenceEqual("priorModel"u8)) priorModel = reader.GetString();
            else if (name.SequenceEqual("hasAssistant"u8)) hasAssistant = reader.GetBoolean();
            else if (name.SequenceEqual("usage"u8)) usage = Usage(ref reader);
            else if (name.SequenceEqual("aborted"u8)) aborted = reader.GetBoolean();
            else if (name.SequenceEqual("error"u8)) error = reader.GetString();
            else if (name.SequenceEqual("toolsCalled"u8)) tools = Strings(ref reader);
            else if (name.SequenceEqual("skillsReferenced"u8)) skills = Strings(ref reader);
            else if (name.SequenceEqual("filesReferenced"u8)) files = Strings(ref reader);
            else if (name.SequenceEqual("memoryReferenced"u8)) memory = Strings(ref reader);
            else reader.Skip(); // "timestamp" (derived) and anything newer
        }
        return new RunFacts(agentId, sessionId, userIndex, position, userTime, firstTime, lastTime, provider, model, priorProvider, priorModel,
            hasAssistant, usage, aborted, error, tools, skills, files, memory);
    }

    // The names written are plain ASCII; an escaped one (never written, but valid JSON) is compared unescaped.
    private static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    private static long? Int64OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TraceUsage? Usage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(reader.TokenType, JsonTokenType.StartObject);
        long input = 0, output = 0, cacheRead = 0, cacheWrite = 0, total = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            reader.Read();
            if (name.SequenceEqual("input"u8)) input = reader.GetInt64();
            else if (name.SequenceEqual("output"u8)) output = reader.GetInt64();
            else if (name.SequenceEqual("cacheRead"u8)) cacheRead = reader.GetInt64();
            else if (name.SequenceEqual("cacheWrite"u8)) cacheWrite = reader.GetInt64();
            else if (name.SequenceEqual("total"u8)) total = reader.GetInt64();
            else reader.Skip();
        }
        return new TraceUsage(input, output, cacheRead, cacheWrite, total);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IReadOnlyList<string> Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return [];
        Expect(reader.TokenType, JsonTokenType.StartArray);
        List<string>? list = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) (list ??= []).Add(reader.GetString()!);
        return list ?? (IReadOnlyList<string>)[];
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        reader.Read();
        Expect(reader.TokenType, type);
    }

    private static void Expect(JsonTokenType actual, JsonTokenType expected)
    {
        if (actual != expected) throw new JsonException($"stored run facts: expected {expected}, found {actual}");
    }
}
