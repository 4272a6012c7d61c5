using System.Text;

namespace ClawLearn.Tests.Transcripts.Reference;

/// <summary>
/// Random transcript lines for the parser equivalence test: both formats, every field the parser reads with right
/// and wrong kinds, keys in any order, repeated and escaped keys, escapes and multi-byte text, long tool output,
/// and broken lines (invalid UTF-8, invalid JSON, not an object, trailing bytes, deep nesting).
/// </summary>
internal sealed class RandomLines(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Types = ["session", "model_change", "session_info", "message", "compaction", "custom", "branch_summary", ""];
    private static readonly string[] Roles = ["user", "assistant", "toolResult", "tool", "tool_result", "system", "bashExecution", ""];
    private static readonly string[] PartTypes = ["text", "input_text", "output_text", "image", "image_url", "input_image", "thinking", "toolCall", "other", ""];
    private static readonly string[] Words =
    [
        "openclaw", "delivery-mirror", "injected", "aborted", "error", "toolUse", "anthropic", "claude-opus-4-5", "read", " exec ", "",
        "MEMORY.md", "memory/2026-01-02.md", "skills/web/SKILL.md", "2026-01-02T10:00:00Z", "2026-01-02", "not a time", "é ü ß", "日本語",
        "😀 emoji", "tab\there", "quote\"inside", "back\\slash", "line\nbreak",
    ];

    public byte[] Next()
    {
        var roll = _random.Next(100);
        if (roll < 4) return Broken(Encoding.UTF8.GetBytes(Line()));
        if (roll < 7) return Encoding.UTF8.GetBytes(Value(3));
        if (roll < 9) return Encoding.UTF8.GetBytes(Line() + (_random.Next(2) == 0 ? " x" : " {}"));
        if (roll < 10) return Encoding.UTF8.GetBytes(new string('[', 300) + new string(']', 300));
        return Encoding.UTF8.GetBytes(Line());
    }

    private byte[] Broken(byte[] bytes)
    {
        switch (_random.Next(4))
        {
            case 0: // invalid UTF-8 somewhere
                var copy = bytes.ToArray();
                copy[_random.Next(copy.Length)] = (byte)(_random.Next(2) == 0 ? 0xFF : 0xC3);
                return copy;
            case 1: // truncated
                return bytes[..Math.Max(1, _random.Next(bytes.Length))];
            case 2: // a byte removed
                var at = _random.Next(bytes.Length);
                return [.. bytes[..at], .. bytes[(at + 1)..]];
            default: // a stray character inserted
                var pos = _random.Next(bytes.Length);
                return [.. bytes[..pos], (byte)",:]}x\"\\"[_random.Next(7)], .. bytes[pos..]];
        }
    }

    private string Line() => _random.Next(3) == 0 ? Simplified() : Real();

    private string Real()
    {
        var props = new List<string>();
        if (_random.Next(10) != 0) props.Add(Prop("type", _random.Next(8) == 0 ? Value(1) : Str(Pick(Types))));
        props.Add(Prop("id", Str(Pick(Words))));
        if (_random.Next(3) != 0) props.Add(Prop("timestamp", Time()));
        if (_random.Next(4) == 0) props.Add(Prop("version", Number()));
        if (_random.Next(4) == 0) props.Add(Prop("parentSession", Str(Pick(Words))));
        if (_random.Next(4) == 0) props.Add(Prop("cwd", Str(Pick(Words))));
        if (_random.Next(4) == 0) props.Add(Prop("provider", Str(Pick(Words))));
        if (_random.Next(4) == 0) props.Add(Prop(_random.Next(2) == 0 ? "modelId" : "model", Str(Pick(Words))));
        if (_random.Next(4) == 0) props.Add(Prop("name", _random.Next(5) == 0 ? Value(1) : Str(Pick(Words))));
        if (_random.Next(4) == 0) props.Add(Prop("summary", _random.Next(5) == 0 ? Value(1) : Str(Pick(Words))));
        if (_random.Next(8) != 0) props.Add(Prop("message", _random.Next(10) == 0 ? Value(2) : Message()));
        if (_random.Next(8) == 0) props.Add(Prop("content", Content()));
        return Object(props);
    }

    private string Message()
    {
        var props = new List<string>();
        if (_random.Next(10) != 0) props.Add(Prop("role", _random.Next(8) == 0 ? Value(1) : Str(Pick(Roles))));
        if (_random.Next(5) != 0) props.Add(Prop("content", Content()));
        if (_random.Next(3) == 0) props.Add(Prop("timestamp", Time()));
        props.AddRange(ModelFields());
        if (_random.Next(3) == 0) props.Add(Prop("toolName", _random.Next(5) == 0 ? Value(1) : Str(Pick(Words))));
        if (_random.Next(3) == 0) props.Add(Prop("isError", _random.Next(3) switch { 0 => "true", 1 => "false", _ => Value(1) }));
        if (_random.Next(4) == 0) props.Add(Prop("summary", Str(Pick(Words))));
        return Object(props);
    }

    private string Simplified()
    {
        var props = new List<string>();
        if (_random.Next(12) == 0) props.Add(Prop("type", Value(1)));
        if (_random.Next(10) != 0) props.Add(Prop("role", _random.Next(8) == 0 ? Value(1) : Str(Pick(Roles))));
        if (_random.Next(3) != 0) props.Add(Prop("content", Content()));
        if (_random.Next(3) != 0) props.Add(Prop("timestamp", Time()));
        props.AddRange(ModelFields());
        if (_random.Next(2) == 0) props.Add(Prop("name", _random.Next(5) == 0 ? Value(1) : Str(Pick(Words))));
        if (_random.Next(3) == 0) props.Add(Prop("id", Str(Pick(Words))));
        if (_random.Next(3) == 0) props.Add(Prop("input", Value(3)));
        if (_random.Next(3) == 0) props.Add(Prop("arguments", Value(3)));
        if (_random.Next(3) == 0) props.Add(Prop("isError", _random.Next(2) == 0 ? "true" : Value(1)));
        return Object(props);
    }

    private IEnumerable<string> ModelFields()
    {
        if (_random.Next(2) == 0) yield return Prop("provider", _random.Next(6) == 0 ? Value(1) : Str(Pick(Words)));
        if (_random.Next(2) == 0) yield return Prop("model", _random.Next(6) == 0 ? Value(1) : Str(Pick(Words)));
        if (_random.Next(2) == 0) yield return Prop("stopReason", _random.Next(6) == 0 ? Value(1) : Str(Pick(Words)));
        if (_random.Next(4) == 0) yield return Prop("errorMessage", Str(Pick(Words)));
        if (_random.Next(2) == 0) yield return Prop("usage", _random.Next(6) == 0 ? Value(1) : Usage());
    }

    private string Usage()
    {
        var props = new List<string>();
        foreach (var name in new[] { "input", "output", "cacheRead", "cacheWrite", "totalTokens" })
            if (_random.Next(4) != 0) props.Add(Prop(name, _random.Next(8) == 0 ? Value(1) : Number()));
        if (_random.Next(2) == 0) props.Add(Prop("cost", _random.Next(6) == 0 ? Value(1) : Cost()));
        return Object(props);
    }

    // Prop repeats and escapes names at random; Number gives huge exponents and fractions.
    private string Cost()
    {
        var props = new List<string>();
        foreach (var name in new[] { "input", "total", "output", "total" })
            if (_random.Next(2) == 0) props.Add(Prop(name, _random.Next(6) == 0 ? Value(1) : Number()));
        return Object(props);
    }

    private string Content() => _random.Next(10) switch
    {
        0 => Value(2),
        1 or 2 => Text(),
        3 => Part(),
        _ => "[" + string.Join(",", Enumerable.Range(0, _random.Next(6)).Select(_ => _random.Next(5) == 0 ? Text() : _random.Next(8) == 0 ? Value(2) : Part())) + "]",
    };

    private string Part()
    {
        var props = new List<string>();
        if (_random.Next(8) != 0) props.Add(Prop("type", _random.Next(8) == 0 ? Value(1) : Str(Pick(PartTypes))));
        if (_random.Next(3) != 0) props.Add(Prop("text", _random.Next(8) == 0 ? Value(1) : Text()));
        if (_random.Next(4) == 0) props.Add(Prop("thinking", Text()));
        if (_random.Next(3) == 0) props.Add(Prop("id", Str(Pick(Words))));
        if (_random.Next(3) == 0) props.Add(Prop("name", _random.Next(6) == 0 ? Value(1) : Str(Pick(Words))));
        if (_random.Next(3) == 0) props.Add(Prop("arguments", Value(3)));
        if (_random.Next(6) == 0) props.Add(Prop("data", Str(new string('A', _random.Next(5000)))));
        return Object(props);
    }

    // Text of any length: short words, or long tool output, plain or with escapes and multi-byte characters.
    private string Text()
    {
        if (_random.Next(3) != 0) return Str(Pick(Words));
        var sb = new StringBuilder();
        var length = _random.Next(5) == 0 ? _random.Next(20_000, 60_000) : _random.Next(0, 9000);
        var plain = _random.Next(2) == 0;
        while (sb.Length < length) sb.Append(plain ? "line of output; " : Pick(Words));
        return Str(sb.ToString());
    }

    private string Time() => _random.Next(8) switch
    {
        0 => "1e400",
        1 => "-1.5e3",
        2 => Str(Pick(Words)),
        3 => Value(1),
        4 => "1771578000000.75",
        _ => _random.Next(2) == 0 ? Str("2026-02-20T09:0" + _random.Next(10) + ":00.000Z") : (1771578000000L + _random.Next(1_000_000)).ToString(),
    };

    private string Number() => _random.Next(6) switch
    {
        0 => "1e400",
        1 => "-0",
        2 => "3.7",
        3 => "99999999999999999999",
        _ => _random.Next(100_000).ToString(),
    };

    private string Value(int depth) => _random.Next(depth <= 0 ? 4 : 6) switch
    {
        0 => "null",
        1 => _random.Next(2) == 0 ? "true" : "false",
        2 => Number(),
        3 => Str(Pick(Words)),
        4 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => Value(depth - 1))) + "]",
        _ => Object(Enumerable.Range(0, _random.Next(4)).Select(_ => Prop(Pick(["path", "text", "type", "q", "content"]), Value(depth - 1))).ToList()),
    };

    // A property, its key sometimes written with an escape, sometimes repeated with another value first.
    private string Prop(string name, string value)
    {
        var key = _random.Next(15) == 0 && name.Length > 1 ? Str(name[..^1]).TrimEnd('"') + "\\u" + ((int)name[^1]).ToString("x4") + "\"" : Str(name);
        var prop = $"{key}:{value}";
        return _random.Next(12) == 0 ? $"{key}:{Value(1)},{prop}" : prop;
    }

    private string Object(List<string> props)
    {
        // Any order: the parser must not depend on it.
        if (_random.Next(3) == 0) props = props.OrderBy(_ => _random.Next()).ToList();
        var gap = _random.Next(4) == 0 ? " " : "";
        return "{" + gap + string.Join("," + gap, props) + gap + "}";
    }

    // A JSON string; sometimes written with \u escapes for its letters, or with a lone surrogate escape.
    private string Str(string value)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(value);
        if (_random.Next(10) == 0) json = json.Replace("e", "\\u0065");
        if (_random.Next(40) == 0) json = json.Insert(json.Length - 1, "\\ud800");
        return json;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
