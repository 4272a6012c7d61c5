using System.Text.Json;

namespace ClawLearn.Sessions;

/// <summary>
/// Reads one entry of the real session index (the map shape, or a SQLite store's session node) straight from its
/// UTF-8 JSON, in one pass that keeps only the fields <see cref="SessionIndexEntry"/> needs. A 40 MB index holds
/// 7,000 such entries of ~6 KB, mostly prompt text, and every ingest reads it; building a document for each and
/// looking fields up in it took a fifth longer and allocated half as much again.
/// </summary>
/// <remarks>
/// A missing field or one of the wrong kind is absent, and when a name repeats the last one counts, as the
/// document lookups this replaces had it (<c>IndexEntryReaderTests</c> compares the two).
/// </remarks>
internal static class IndexEntryReader
{
    public static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>The entry stored under <paramref name="key"/>, or null when it is not an object or has no session id.</summary>
    /// <exception cref="JsonException">The bytes are not one JSON value.</exception>
    public static SessionIndexEntry? FromMap(string key, ReadOnlySpan<byte> json, string agentId, StringPool names)
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read()) throw new JsonException("an entry is empty");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // Not an entry; but as broken as the document parser found it.
            reader.Skip();
            while (reader.Read()) { }
            return null;
        }
        var e = new MapFields();
        Span<char> buffer = new char[NameBuffer]; // on the heap: the reader is a ref struct the compiler will not let hold stack memory
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader, buffer);
            reader.Read();
            switch (name)
            {
                case "sessionId": e.SessionId = Str(ref reader); break;
                case "sessionFile": e.SessionFile = Str(ref reader); break;
                case "channel": e.Channel = Str(ref reader); break;
                case "provider": e.Provider = Str(ref reader); break;
                case "lastChannel": e.LastChannel = Str(ref reader); break;
                case "label": e.Label = Str(ref reader); break;
                case "displayName": e.DisplayName = Str(ref reader); break;
                case "subject": e.Subject = Str(ref reader); break;
                case "updatedAt": e.UpdatedAt = TimeMs(ref reader); break;
                case "chatType": e.ChatType = Str(ref reader); break;
                case "modelProvider": e.ModelProvider = Str(ref reader); break;
                case "model": e.Model = Str(ref reader); break;
                case "spawnedBy": e.SpawnedBy = Str(ref reader); break;
                case "origin": (e.OriginProvider, e.OriginLabel) = Origin(ref reader, buffer); break;
                case "deliveryContext": e.DeliveryChannel = DeliveryChannel(ref reader, buffer); break;
                case "systemPromptReport": e.Report = Report(ref reader, buffer, names); break;
                case "skillsSnapshot": e.SnapshotSkills = Names(ref reader, buffer, "skills", names); break;
                default: reader.Skip(); break;
            }
        }
        while (reader.Read()) { } // anything after the entry is an error, as it was to the document parser
        if (e.SessionId is not { Length: > 0 } sessionId) return null;
        // Legacy stores kept the channel under "provider"; OpenClaw's loader migrates it to "channel".
        var channel = e.Channel ?? e.Provider ?? e.LastChannel ?? e.OriginProvider ?? e.DeliveryChannel;
        var displayed = e.Label ?? e.DisplayName ?? e.OriginLabel ?? e.Subject;
        return new SessionIndexEntry(key, sessionId, e.SessionFile, displayed, null, e.UpdatedAt, null,
            AgentFromKey(key) ?? agentId, channel, e.ChatType, e.ModelProvider, e.Model, e.SpawnedBy,
            PromptReportOf(e.Report, e.SnapshotSkills)) { GivenName = e.Label ?? e.Subject };
    }

    /// <summary>The second segment of <c>agent:&lt;id&gt;:…</c>.</summary>
    public static string? AgentFromKey(string key)
    {
        if (!key.StartsWith("agent:", StringComparison.Ordinal)) return null;
        var end = key.IndexOf(':', 6);
        var id = end < 0 ? key[6..] : key[6..end];
        return id.Length > 0 ? id : null;
    }

    // Long enough for every name this reader looks for; a longer one is none of them.
    private const int NameBuffer = 32;

    // The fields of one entry as they are read; what they become is decided once the whole entry is seen.
    private struct MapFields
    {
        public string? SessionId, SessionFile, Channel, Provider, LastChannel, Label, DisplayName, Subject, ChatType,
            ModelProvider, Model, SpawnedBy, OriginProvider, OriginLabel, DeliveryChannel;
        public long? UpdatedAt;
        public ReportFields? Report;
        public List<string>? SnapshotSkills;
    }

    private sealed class ReportFields
    {
        public Dictionary<string, int> Tools { get; set; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Skills { get; set; } = new(StringComparer.Ordinal);
        public List<InjectedFile> Files { get; set; } = [];
        public int? PromptChars { get; set; }
    }

    private static PromptReport? PromptReportOf(ReportFields? report, List<string>? snapshotSkills)
    {
        if (report is null && snapshotSkills is null) return null;
        report ??= new ReportFields();
        // The report's own sizes first; a skill only the snapshot lists is there with no size.
        foreach (var name in snapshotSkills ?? []) report.Skills.TryAdd(name, 0);
        return new PromptReport(report.Tools, report.Skills, report.Files, report.PromptChars);
    }

    // A report of any kind counts as there (with nothing in it unless it is an object), as the lookups had it.
    private static ReportFields Report(ref Utf8JsonReader reader, Span<char> buffer, StringPool names)
    {
        var report = new ReportFields();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return report;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader, buffer);
            reader.Read();
            switch (name)
            {
                case "tools": report.Tools = Sizes(ref reader, buffer, names, "schemaChars", null); break;
                case "skills": report.Skills = Sizes(ref reader, buffer, names, "blockChars", "promptChars"); break;
                case "injectedWorkspaceFiles": report.Files = Files(ref reader, buffer); break;
                case "systemPrompt": report.PromptChars = IntField(ref reader, buffer, "chars"); break;
                default: reader.Skip(); break;
            }
        }
        return report;
    }

    // {"entries": [{"name": …, "<size>": …}, …]}: each named entry's size (the last one per name), 0 when it gives none.
    private static Dictionary<string, int> Sizes(ref Utf8JsonReader reader, Span<char> buffer, StringPool names, string size, string? fallback)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return sizes;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEntries = Name(ref reader, buffer) is "entries";
            reader.Read();
            if (!isEntries)
            {
                reader.Skip();
                continue;
            }
            sizes.Clear();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string? entryName = null;
                int? primary = null, secondary = null;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = Name(ref reader, buffer);
                    reader.Read();
                    if (field is "name") entryName = PooledStr(ref reader, names);
                    else if (field.SequenceEqual(size)) primary = Int(ref reader);
                    else if (fallback is not null && field.SequenceEqual(fallback)) secondary = Int(ref reader);
                    else reader.Skip();
                }
                if (entryName is not null) sizes[entryName] = primary ?? secondary ?? 0;
            }
        }
        return sizes;
    }

    private static List<InjectedFile> Files(ref Utf8JsonReader reader, Span<char> buffer)
    {
        var files = new List<InjectedFile>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return files;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? name = null;
            int? raw = null, injected = null;
            bool truncated = false, missing = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Name(ref reader, buffer);
                reader.Read();
                switch (field)
                {
                    case "name": name = Str(ref reader); break;
                    case "rawChars": raw = Int(ref reader); break;
                    case "injectedChars": injected = Int(ref reader); break;
                    case "truncated": truncated = IsTrue(ref reader); break;
                    case "missing": missing = IsTrue(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
            if (name is not null) files.Add(new InjectedFile(name, raw ?? 0, injected ?? 0, truncated, missing));
        }
        return files;
    }

    // {"<list>": [{"name": …}, …]}: the names, in order; none when the value is not an object (a snapshot of any kind
    // still counts as there).
    private static List<string> Names(ref Utf8JsonReader reader, Span<char> buffer, string list, StringPool names)
    {
        var found = new List<string>();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return found;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isList = Name(ref reader, buffer).SequenceEqual(list);
            reader.Read();
            if (!isList || reader.TokenType != JsonTokenType.StartArray)
            {
                if (isList) found.Clear();
                reader.Skip();
                continue;
            }
            found.Clear();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) reader.Skip();
                else if (StrField(ref reader, buffer, "name", names) is { } name) found.Add(name);
            }
        }
        return found;
    }

    private static (string? Provider, string? Label) Origin(ref Utf8JsonReader reader, Span<char> buffer)
    {
        string? provider = null, label = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return (null, null);
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Name(ref reader, buffer);
            reader.Read();
            if (field is "provider") provider = Str(ref reader);
            else if (field is "label") label = Str(ref reader);
            else reader.Skip();
        }
        return (provider, label);
    }

    private static string? DeliveryChannel(ref Utf8JsonReader reader, Span<char> buffer) =>
        reader.TokenType == JsonTokenType.StartObject ? StrField(ref reader, buffer, "channel") : SkipNull(ref reader);

    // An object's string field (the last of that name), from the pool when one is given; the reader ends on the
    // object's end.
    private static string? StrField(ref Utf8JsonReader reader, Span<char> buffer, string field, StringPool? names = null)
    {
        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = Name(ref reader, buffer).SequenceEqual(field);
            reader.Read();
            if (matches) value = names is null ? Str(ref reader) : PooledStr(ref reader, names);
            else reader.Skip();
        }
        return value;
    }

    private static int? IntField(ref Utf8JsonReader reader, Span<char> buffer, string field)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        int? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = Name(ref reader, buffer).SequenceEqual(field);
            reader.Read();
            if (matches) value = Int(ref reader);
            else reader.Skip();
        }
        return value;
    }

    private static string? SkipNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    // The property name under the reader, for comparing with the ASCII names above: escapes are undone, and a name
    // too long to be one of them comes back empty.
    private static ReadOnlySpan<char> Name(ref Utf8JsonReader reader, Span<char> buffer)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence) return JsonStrings.Of(ref reader);
        var raw = reader.ValueSpan;
        if (raw.Length > buffer.Length) return [];
        for (var i = 0; i < raw.Length; i++) buffer[i] = (char)raw[i]; // a non-ASCII byte matches none of them either
        return buffer[..raw.Length];
    }

    // A string value, else absent; the reader stays on the value (a container is skipped).
    private static string? Str(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return JsonStrings.Of(ref reader);
        reader.Skip();
        return null;
    }

    private static bool IsTrue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return reader.TokenType == JsonTokenType.True;
    }

    // A string value from the pool: the thousands of tool and skill names an index repeats are not each made a string.
    private static string? PooledStr(ref Utf8JsonReader reader, StringPool names)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        // A UTF-8 value never has more UTF-16 characters than bytes.
        if (!reader.HasValueSequence && reader.ValueSpan.Length <= PooledChars)
        {
            Span<char> chars = stackalloc char[PooledChars];
            try
            {
                return names.Get(chars[..reader.CopyString(chars)]);
            }
            catch (InvalidOperationException)
            {
                // Not valid UTF-8, or a lone surrogate escape: read as JsonStrings reads it.
            }
        }
        return names.Get(JsonStrings.Of(ref reader)!);
    }

    private const int PooledChars = 256;

    // A finite number, truncated toward zero, that fits an int; else absent.
    private static int? Int(ref Utf8JsonReader reader) =>
        Long(ref reader) is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    private static long? Long(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number) return reader.TryGetDouble(out var d) && double.IsFinite(d) ? (long)d : null;
        reader.Skip();
        return null;
    }

    // Epoch milliseconds, or an ISO-8601 string.
    private static long? TimeMs(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => Long(ref reader),
        JsonTokenType.String => Timestamps.ParseIso(JsonStrings.Of(ref reader)),
        _ => SkipLong(ref reader),
    };

    private static long? SkipLong(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
