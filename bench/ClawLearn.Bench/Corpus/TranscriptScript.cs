using System.Text;
using System.Text.Json;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// Writes one session's events, in the real line shapes (openclaw-formats A2), until the sink holds about the
/// planned bytes: header, model_change, thinking_level_change and a <c>model-snapshot</c>; then turns of a user
/// message (a channel envelope, sometimes an image), assistant steps with thinking, text, tool calls and
/// <c>usage</c>, their tool results (a few hundred bytes to past 64 KB, sometimes a screenshot), an occasional
/// model switch, cache-ttl marker and compaction. Sizes are taken from what is left, so a file ends within
/// about a kilobyte of its target however small it is.
/// </summary>
internal sealed class TranscriptScript
{
    private const int MinTurnBytes = 1_200;
    private const long MaxSessionSpanMs = 36L * 3600 * 1000;

    private static readonly string[] ThinkingLevels = ["low", "medium", "high", "minimal"];

    private readonly PlannedSession _plan;
    private readonly IEventSink _sink;
    private readonly LineBuffer _line;
    private readonly TextPool _pool = TextPool.Shared;
    private readonly Random _random;
    private readonly double _gapScale;
    private readonly byte[] _scratch = new byte[128 * 1024];
    private readonly string[] _callIds = new string[3];
    private readonly string[] _callTools = new string[3];
    private ModelInfo _model;
    private long _t;
    private uint _lastId;
    private bool _hasParent;
    private uint _turnStartId;
    private long _sinceCompaction;
    private long _compactionEvery;

    public TranscriptScript(PlannedSession plan, IEventSink sink, LineBuffer line)
    {
        _plan = plan;
        _sink = sink;
        _line = line;
        _random = new Random(plan.Seed);
        _model = plan.Model;
        _t = plan.StartMs;
        // About 3 KB and a minute a line; a runaway file compresses its clock so it stays within a day and a half.
        var lines = Math.Max(1, plan.TargetBytes / 3_000);
        _gapScale = Math.Clamp(MaxSessionSpanMs / (lines * 60_000.0), 0.002, 1);
        _compactionEvery = _random.Next(300_000, 2_000_000);
    }

    private long Remaining => _plan.TargetBytes - _sink.Written;

    /// <summary>The time of the last event written: the session's <c>updatedAt</c>.</summary>
    public long LastTimestampMs => _t;

    public void Run()
    {
        Header();
        ModelChange();
        if (_random.Next(10) < 7) ThinkingLevel();
        ModelSnapshot();
        if (_plan.OpensWithAssistant)
        {
            for (var i = _random.Next(1, 3); i > 0; i--) Opening();
        }
        var first = true;
        while (first || Remaining > MinTurnBytes)
        {
            Turn();
            first = false;
        }
    }

    private void Turn()
    {
        if (_random.Next(100) < 3)
        {
            _model = ModelInfo.Pick(_random);
            ModelChange();
        }
        if (_sinceCompaction > _compactionEvery && Remaining > 8_000) Compaction();
        User();
        _turnStartId = _lastId;
        var rounds = _random.Next(100) < 35 ? 0 : _random.Next(1, 7);
        for (var r = 0; r < rounds && Remaining > MinTurnBytes * 2; r++)
        {
            var calls = _random.Next(100) < 15 ? _random.Next(2, 4) : 1;
            AssistantToolUse(calls);
            for (var c = 0; c < calls; c++) ToolResult(_callIds[c], _callTools[c]);
        }
        AssistantFinal();
        if (_random.Next(10) == 0) CacheTtl();
    }

    private void Header()
    {
        var w = _line.Begin();
        w.WriteString("type", "session");
        w.WriteNumber("version", 3);
        w.WriteString("id", _plan.SessionId);
        EntryFields.WriteIso(w, "timestamp", _t);
        w.WriteString("cwd", _plan.AgentId == CorpusPlan.MainAgent ? "/home/bench/.openclaw/workspace" : $"/home/bench/.openclaw/workspace-{_plan.AgentId}");
        if (_plan.Era == SessionEra.Fork) w.WriteString("parentSession", $"/home/bench/.openclaw/agents/{_plan.AgentId}/sessions/{ParentId()}.jsonl");
        Emit();
    }

    private void ModelChange()
    {
        var w = Entry("model_change", 50);
        w.WriteString("provider", _model.Provider);
        w.WriteString("modelId", _model.Model);
        Emit();
    }

    private void ThinkingLevel()
    {
        var w = Entry("thinking_level_change", 20);
        w.WriteString("thinkingLevel", ThinkingLevels[_random.Next(ThinkingLevels.Length)]);
        Emit();
    }

    private void ModelSnapshot()
    {
        var w = Entry("custom", 20);
        w.WriteString("customType", "model-snapshot");
        w.WriteStartObject("data");
        w.WriteNumber("timestamp", _t);
        w.WriteString("provider", _model.Provider);
        w.WriteString("modelApi", _model.Api);
        w.WriteString("modelId", _model.Model);
        w.WriteEndObject();
        Emit();
    }

    private void CacheTtl()
    {
        var w = Entry("custom", 200);
        w.WriteString("customType", "openclaw.cache-ttl");
        w.WriteStartObject("data");
        w.WriteNumber("timestamp", _t);
        w.WriteString("provider", _model.Provider);
        w.WriteString("modelId", _model.Model);
        w.WriteEndObject();
        Emit();
    }

    private void Compaction()
    {
        var w = Entry("compaction", 2_000);
        w.WriteString("summary", TextPool.Slice(_pool.Prose, _random, (int)Math.Min(Remaining / 4, _random.Next(1_000, 6_000))));
        EntryFields.WriteHex(w, "firstKeptEntryId", _turnStartId);
        w.WriteNumber("tokensBefore", _random.Next(120_000, 196_000));
        w.WriteStartObject("details");
        w.WriteStartArray("readFiles");
        for (var i = _random.Next(0, 5); i > 0; i--) w.WriteStringValue($"memory/2026-07-{_random.Next(1, 29):00}.md");
        w.WriteEndArray();
        w.WriteStartArray("modifiedFiles");
        for (var i = _random.Next(0, 3); i > 0; i--) w.WriteStringValue($"/home/bench/projects/app/src/module{_random.Next(200)}.ts");
        w.WriteEndArray();
        w.WriteEndObject();
        Emit();
        _sinceCompaction = 0;
        _compactionEvery = _random.Next(300_000, 2_000_000);
    }

    private void User()
    {
        var gapMs = _random.Next(20) == 0 ? 5 * 3600_000 : 240_000;
        var w = Message("user", gapMs);
        var length = _random.Next(20) == 0 ? _random.Next(2_000, 20_000) : _random.Next(20, 600);
        var text = UserText((int)Math.Min(length, Math.Max(20, Remaining / 3)));
        // Embedded runs store blocks; gateway-injected turns a plain string.
        if (_random.Next(10) < 3)
        {
            w.WriteString("content", text);
        }
        else
        {
            w.WriteStartArray("content");
            EntryFields.TextBlock(w, text);
            if (_random.Next(100) < 2) ImageBlock(w, _random.Next(40_000, 1_500_000));
            w.WriteEndArray();
        }
        EndMessage();
    }

    /// <summary>The turn's text with the envelope its channel puts in front (openclaw-formats A2), in the scratch buffer.</summary>
    private ReadOnlySpan<byte> UserText(int length)
    {
        var prefix = ChannelEnvelope.Prefix(_plan, _random, _t);
        var n = Encoding.UTF8.GetBytes(prefix, _scratch);
        length = Math.Min(length, _scratch.Length - n - 32);
        TextPool.Slice(_pool.Prose, _random, length).CopyTo(_scratch.AsSpan(n));
        n += length;
        if (ChannelEnvelope.Suffix(prefix, _random) is { } suffix) n += Encoding.UTF8.GetBytes(suffix, _scratch.AsSpan(n));
        return _scratch.AsSpan(0, n);
    }

    /// <summary>A heartbeat reply or proactive greeting before any user turn: what usage reports must still count.</summary>
    private void Opening()
    {
        var w = Message("assistant", 60_000);
        w.WriteStartArray("content");
        EntryFields.TextBlock(w, _random.Next(2) == 0 ? "HEARTBEAT_OK"u8 : TextPool.Slice(_pool.Prose, _random, _random.Next(80, 600)));
        w.WriteEndArray();
        AssistantTail(w, 40, "stop");
    }

    private void AssistantToolUse(int calls)
    {
        var w = Message("assistant", 8_000);
        w.WriteStartArray("content");
        var outputBytes = Thinking(w);
        if (_random.Next(2) == 0) outputBytes += Text(w, _random.Next(40, 500));
        for (var c = 0; c < calls; c++)
        {
            var tool = ToolCatalog.Pick(_random);
            var id = ToolCallId();
            _callIds[c] = id;
            _callTools[c] = tool;
            w.WriteStartObject();
            w.WriteString("type", "toolCall");
            w.WriteString("id", id);
            w.WriteString("name", tool);
            ToolCatalog.WriteArguments(w, tool, _random, _pool, (int)Math.Max(100, Remaining / 4));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        AssistantTail(w, outputBytes + 200, "toolUse");
    }

    private void AssistantFinal()
    {
        var w = Message("assistant", 8_000);
        w.WriteStartArray("content");
        var outputBytes = Thinking(w);
        outputBytes += Text(w, _random.Next(8) == 0 ? _random.Next(1_500, 6_000) : _random.Next(60, 1_500));
        w.WriteEndArray();
        AssistantTail(w, outputBytes, "stop");
    }

    private void AssistantTail(Utf8JsonWriter w, int outputBytes, string stopReason)
    {
        w.WriteString("api", _model.Api);
        w.WriteString("provider", _model.Provider);
        w.WriteString("model", _model.Model);
        UsageFigures.Write(w, _random, _model, outputBytes);
        w.WriteString("stopReason", stopReason);
        EndMessage();
    }

    private void ToolResult(string callId, string tool)
    {
        var w = Message("toolResult", 3_000);
        w.WriteString("toolCallId", callId);
        w.WriteString("toolName", tool);
        w.WriteStartArray("content");
        var size = (int)Math.Min(ToolCatalog.ResultBytes(tool, _random), Math.Max(100, Remaining / 2));
        var screenshot = (tool == "browser" && _random.Next(3) == 0) || (tool == "image" && _random.Next(2) == 0);
        EntryFields.TextBlock(w, TextPool.Slice(tool is "web_search" or "memory_search" or "message" ? _pool.Prose : _pool.Output, _random, size));
        if (screenshot) ImageBlock(w, _random.Next(30_000, 600_000));
        w.WriteEndArray();
        if (tool == "exec")
        {
            w.WriteStartObject("details");
            w.WriteNumber("exitCode", _random.Next(12) == 0 ? 1 : 0);
            w.WriteNumber("durationMs", _random.Next(20, 90_000));
            w.WriteEndObject();
        }
        w.WriteBoolean("isError", _random.Next(40) == 0);
        EndMessage();
    }

    private int Thinking(Utf8JsonWriter w)
    {
        if (_random.Next(10) < 4) return 0;
        var length = (int)Math.Min(_random.Next(100, 6_000), Math.Max(40, Remaining / 4));
        w.WriteStartObject();
        w.WriteString("type", "thinking");
        w.WriteString("thinking", TextPool.Slice(_pool.Prose, _random, length));
        if (_model.Provider == "anthropic") w.WriteString("thinkingSignature", _pool.ImageSlice(_random, _random.Next(200, 700)));
        w.WriteEndObject();
        return length;
    }

    private int Text(Utf8JsonWriter w, int length)
    {
        length = (int)Math.Min(length, Math.Max(20, Remaining / 3));
        EntryFields.TextBlock(w, TextPool.Slice(_pool.Prose, _random, length));
        return length;
    }

    /// <summary>A base64 image, only where the session has room for it (at least four times its size left).</summary>
    private void ImageBlock(Utf8JsonWriter w, int bytes)
    {
        if (Remaining < bytes * 4L) return;
        w.WriteStartObject();
        w.WriteString("type", "image");
        w.WriteString("data", _pool.ImageSlice(_random, bytes));
        w.WriteString("mimeType", _random.Next(3) == 0 ? "image/jpeg" : "image/png");
        w.WriteEndObject();
    }

    private Utf8JsonWriter Message(string role, int meanGapMs)
    {
        var w = Entry("message", meanGapMs);
        w.WriteStartObject("message");
        w.WriteString("role", role);
        return w;
    }

    private void EndMessage()
    {
        var w = _line.Current;
        w.WriteNumber("timestamp", _t);
        w.WriteEndObject();
        Emit();
    }

    /// <summary>Starts a tree entry: type, 8-hex id, the previous entry as parent, the ISO time after a random gap.</summary>
    private Utf8JsonWriter Entry(string type, int meanGapMs)
    {
        _t += 1 + (long)(_random.NextDouble() * 2 * meanGapMs * _gapScale);
        var w = _line.Begin();
        w.WriteString("type", type);
        var id = (uint)_random.NextInt64(0, 1L << 32);
        EntryFields.WriteHex(w, "id", id);
        if (_hasParent) EntryFields.WriteHex(w, "parentId", _lastId);
        else w.WriteNull("parentId");
        EntryFields.WriteIso(w, "timestamp", _t);
        _lastId = id;
        _hasParent = true;
        return w;
    }

    private void Emit()
    {
        var line = _line.End();
        _sink.Add(line, _t);
        _sinceCompaction += line.Length;
    }

    private string ToolCallId()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        Span<char> chars = stackalloc char[24];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[_random.Next(alphabet.Length)];
        return _model.ToolCallPrefix == "toolu_" ? $"toolu_01{chars[..22]}" : $"call_{chars}";
    }

    private string ParentId() => new Guid((int)_random.NextInt64(0, 1L << 31), 0x1234, 0x4abc, 0x80, 1, 2, 3, 4, 5, 6, 7).ToString("D");
}
