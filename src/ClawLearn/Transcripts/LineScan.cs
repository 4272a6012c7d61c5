using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ClawLearn.Transcripts;

/// <summary>
/// One forward pass of <see cref="LineJsonReader"/> over a line: it accepts and rejects every line exactly as
/// <see cref="Utf8JsonReader"/> does (with <see cref="JsonDocument"/>'s defaults and a depth of 256), and records
/// where the few values the parser needs sit, without building a document or decoding any string.
/// Large values (tool output, thinking, base64 images) are only scanned. One instance per thread, reused per line.
/// </summary>
internal sealed class LineScan
{
    private enum Level { Root, Message, Usage }

    public ScannedObject Root { get; } = new();
    public ScannedObject Message { get; } = new();
    public ScannedObject RootUsage { get; } = new();
    public ScannedObject MessageUsage { get; } = new();

    /// <summary>Scans a line that is valid UTF-8; null when it is a JSON object, else why it is skipped.</summary>
    // Runs for every line of every transcript: compiled optimised at once. Left to the tiered JIT it stayed unoptimised
    // for most of a cold ingest (tier-up waits while start-up keeps compiling new methods).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SkipReason? Read(ReadOnlySpan<byte> line)
    {
        Root.Clear();
        Message.Clear();
        RootUsage.Clear();
        MessageUsage.Clear();
        var reader = new LineJsonReader(line);
        try
        {
            if (!reader.Read()) return SkipReason.InvalidJson;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // The whole line must still be valid JSON: an invalid one is InvalidJson, not NotAnObject.
                reader.Skip();
                while (reader.Read()) { }
                return SkipReason.NotAnObject;
            }
            ReadObject(ref reader, Root, Level.Root);
            while (reader.Read()) { } // anything after the object is invalid, as for JsonDocument
            return null;
        }
        catch (JsonException)
        {
            return SkipReason.InvalidJson;
        }
    }

    // The reader is on a StartObject; leaves it on the matching EndObject.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadObject(ref LineJsonReader reader, ScannedObject target, Level level)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Match(ref reader);
            reader.Read();
            switch (field)
            {
                case LineField.None:
                    reader.Skip();
                    break;
                case LineField.Message when level == Level.Root:
                    Message.Clear();
                    MessageUsage.Clear();
                    target[field] = Container(ref reader, Message, Level.Message);
                    break;
                case LineField.Usage when level != Level.Usage:
                    var usage = level == Level.Root ? RootUsage : MessageUsage;
                    usage.Clear();
                    target[field] = Container(ref reader, usage, Level.Usage);
                    break;
                case LineField.Content when level != Level.Usage:
                    target[field] = Content(ref reader, target);
                    break;
                default:
                    target[field] = Capture(ref reader);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JsonSlot Container(ref LineJsonReader reader, ScannedObject target, Level level)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return Capture(ref reader);
        var start = (int)reader.TokenStartIndex;
        ReadObject(ref reader, target, level);
        return new JsonSlot { Kind = JsonTokenType.StartObject, Start = start, Length = (int)reader.BytesConsumed - start };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonSlot Content(ref LineJsonReader reader, ScannedObject target)
    {
        target.Parts.Clear();
        target.ContentObject = default;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) target.Parts.Add(Part(ref reader));
                return new JsonSlot { Kind = JsonTokenType.StartArray, Start = start, Length = (int)reader.BytesConsumed - start };
            case JsonTokenType.StartObject:
                target.ContentObject = Part(ref reader);
                return target.ContentObject.Value;
            default:
                return Capture(ref reader);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ContentPart Part(ref LineJsonReader reader)
    {
        var part = new ContentPart();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            part.Value = Capture(ref reader);
            return part;
        }
        var start = (int)reader.TokenStartIndex;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Match(ref reader);
            reader.Read();
            switch (field)
            {
                case LineField.Type: part.Type = Capture(ref reader); break;
                case LineField.Text: part.Text = Capture(ref reader); break;
                case LineField.Id: part.Id = Capture(ref reader); break;
                case LineField.Name: part.Name = Capture(ref reader); break;
                case LineField.Arguments: part.Arguments = Capture(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        part.Value = new JsonSlot { Kind = JsonTokenType.StartObject, Start = start, Length = (int)reader.BytesConsumed - start };
        return part;
    }

    // Records the value the reader is on; a container is skipped (and so validated) whole.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonSlot Capture(ref LineJsonReader reader)
    {
        var slot = new JsonSlot { Kind = reader.TokenType, Start = (int)reader.TokenStartIndex };
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                slot.Length = reader.ValueSpan.Length + 2;
                slot.Escaped = reader.ValueIsEscaped;
                break;
            case JsonTokenType.Number:
                slot.Length = reader.ValueSpan.Length;
                slot.Number = reader.TryGetDouble(out var d) ? d : null;
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                slot.Length = (int)reader.BytesConsumed - slot.Start;
                break;
            default:
                slot.Length = reader.ValueSpan.Length;
                break;
        }
        return slot;
    }

    // The reader is on a property name. Plain names are compared as bytes; an escaped one (rare) is unescaped first.
    // A name whose escapes do not make valid UTF-16 (a lone surrogate) matches nothing, as with TryGetProperty.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LineField Match(ref LineJsonReader reader)
    {
        if (!reader.ValueIsEscaped) return Match(reader.ValueSpan);
        if (reader.ValueSpan.Length > MaxEscapedName) return LineField.None;
        Span<byte> name = stackalloc byte[MaxEscapedName];
        try
        {
            return Match(name[..reader.CopyString(name)]);
        }
        catch (InvalidOperationException)
        {
            return LineField.None;
        }
    }

    // The longest name read is 13 characters; written entirely as \uXXXX escapes that is 78 bytes.
    private const int MaxEscapedName = 128;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LineField Match(ReadOnlySpan<byte> name)
    {
        // Length first: almost every name is rejected or found with one comparison.
        switch (name.Length)
        {
            case 2: return name.SequenceEqual("id"u8) ? LineField.Id : LineField.None;
            case 3: return name.SequenceEqual("cwd"u8) ? LineField.Cwd : LineField.None;
            case 4:
                if (name.SequenceEqual("type"u8)) return LineField.Type;
                if (name.SequenceEqual("cost"u8)) return LineField.Cost;
                if (name.SequenceEqual("role"u8)) return LineField.Role;
                if (name.SequenceEqual("name"u8)) return LineField.Name;
                if (name.SequenceEqual("text"u8)) return LineField.Text;
                return LineField.None;
            case 5:
                if (name.SequenceEqual("model"u8)) return LineField.Model;
                if (name.SequenceEqual("usage"u8)) return LineField.Usage;
                if (name.SequenceEqual("input"u8)) return LineField.Input;
                return LineField.None;
            case 6: return name.SequenceEqual("output"u8) ? LineField.Output : LineField.None;
            case 7:
                if (name.SequenceEqual("message"u8)) return LineField.Message;
                if (name.SequenceEqual("content"u8)) return LineField.Content;
                if (name.SequenceEqual("version"u8)) return LineField.Version;
                if (name.SequenceEqual("summary"u8)) return LineField.Summary;
                if (name.SequenceEqual("modelId"u8)) return LineField.ModelId;
                if (name.SequenceEqual("isError"u8)) return LineField.IsError;
                return LineField.None;
            case 8:
                if (name.SequenceEqual("provider"u8)) return LineField.Provider;
                if (name.SequenceEqual("toolName"u8)) return LineField.ToolName;
                return LineField.None;
            case 9:
                if (name.SequenceEqual("timestamp"u8)) return LineField.Timestamp;
                if (name.SequenceEqual("arguments"u8)) return LineField.Arguments;
                if (name.SequenceEqual("cacheRead"u8)) return LineField.CacheRead;
                return LineField.None;
            case 10:
                if (name.SequenceEqual("stopReason"u8)) return LineField.StopReason;
                if (name.SequenceEqual("cacheWrite"u8)) return LineField.CacheWrite;
                return LineField.None;
            case 11: return name.SequenceEqual("totalTokens"u8) ? LineField.TotalTokens : LineField.None;
            case 12: return name.SequenceEqual("errorMessage"u8) ? LineField.ErrorMessage : LineField.None;
            case 13: return name.SequenceEqual("parentSession"u8) ? LineField.ParentSession : LineField.None;
            default: return LineField.None;
        }
    }
}
