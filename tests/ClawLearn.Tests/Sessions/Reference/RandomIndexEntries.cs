using System.Text;

namespace ClawLearn.Tests.Sessions.Reference;

/// <summary>
/// Session-index map entries as JSON text, seeded: every field the entry readers look at, at random, often of the
/// wrong kind, repeated, with escaped names, comments and trailing commas; now and then a broken one.
/// </summary>
internal sealed class RandomIndexEntries(int seed)
{
    private static readonly string[] TopFields =
    [
        "sessionId", "sessionFile", "channel", "provider", "lastChannel", "label", "displayName", "subject", "updatedAt",
        "chatType", "modelProvider", "model", "spawnedBy", "origin", "deliveryContext", "systemPromptReport", "skillsSnapshot",
        "inputTokens", "sessionID", "sessionIdX", "a property name far longer than any the reader knows",
    ];

    private static readonly string[] Words = ["main", "telegram", "Alice (@alice)", "t1", "t2", "exec", "s1", "s2", "", "é ü", "😀", "a\"b"];

    private readonly Random _random = new(seed);
    private readonly StringBuilder _json = new();

    public byte[] Next()
    {
        _json.Clear();
        Object(TopFields.Length + 10, TopField);
        if (_random.Next(60) == 0) _json.Append(" x"); // something after the value
        var bytes = Encoding.UTF8.GetBytes(_json.ToString());
        return _random.Next(40) == 0 ? bytes[.._random.Next(bytes.Length)] : bytes; // now and then cut short
    }

    private void TopField(string name)
    {
        switch (name)
        {
            case "updatedAt": Value(() => Pick(() => Number(), () => String(Pick("2026-01-02T03:04:05Z", "2026-13-01", "yesterday")))); break;
            case "origin": Value(() => Object(3, f => Field(f, "provider", "label"), "provider", "label", "surface")); break;
            case "deliveryContext": Value(() => Object(2, f => Field(f, "channel"), "channel", "to")); break;
            case "systemPromptReport": Value(Report); break;
            case "skillsSnapshot": Value(() => Object(2, f => ListOf(f, "skills", () => Object(2, g => Field(g, "name"), "name", "location")), "skills", "prompt")); break;
            default: Value(() => String(Pick(Words))); break;
        }
    }

    private void Report() => Object(5, name =>
    {
        switch (name)
        {
            case "tools": Value(() => Sizes("schemaChars")); break;
            case "skills": Value(() => Sizes("blockChars", "promptChars")); break;
            case "injectedWorkspaceFiles": Value(() => Array(() => Object(5, f => FileField(f), "name", "rawChars", "injectedChars", "truncated", "missing"))); break;
            case "systemPrompt": Value(() => Object(2, f => Value(() => NumberOr(f == "chars", "prompt text")), "chars", "text")); break;
            default: Value(() => String("noise")); break;
        }
    }, "tools", "skills", "injectedWorkspaceFiles", "systemPrompt", "mode");

    private void Sizes(params string[] sizeFields) =>
        Object(2, f => ListOf(f, "entries", () => Object(3, g => Value(() => NumberOr(g != "name", Pick(Words))), ["name", .. sizeFields])), "entries", "summary");

    private void FileField(string name)
    {
        if (name is "truncated" or "missing") Value(() => Literal(Pick("true", "false", "\"yes\"", "1")));
        else if (name == "name") Value(() => String(Pick("AGENTS.md", "MEMORY.md", "SOUL.md")));
        else Value(() => Number());
    }

    private void ListOf(string name, string list, Action item)
    {
        if (name == list) Value(() => Array(item));
        else Value(() => String("noise"));
    }

    // A word for a field the readers look at, else noise.
    private void Field(string name, params string[] wanted) => Value(() => String(wanted.Contains(name) ? Pick(Words) : "noise"));

    // The right kind of value most of the time, else any kind.
    private void Value(Action right)
    {
        switch (_random.Next(25))
        {
            case 0: Literal(Pick("null", "true", "false")); break;
            case 1: Number(); break;
            case 2: String(Pick(Words)); break;
            case 3: Literal("[1, {\"name\": \"x\"}]"); break;
            case 4: Literal("{\"name\": \"y\", \"entries\": [], \"channel\": \"z\"}"); break;
            default: right(); break;
        }
    }

    // Fields drawn from the given names (some repeated, some left out), in random order.
    private void Object(int count, Action<string> field, params string[] names)
    {
        if (names.Length == 0) names = TopFields;
        _json.Append('{');
        var n = _random.Next(count + 3);
        for (var i = 0; i < n; i++)
        {
            if (i > 0) _json.Append(',');
            if (_random.Next(20) == 0) _json.Append("/* c */");
            var name = names[_random.Next(names.Length)];
            Name(name);
            _json.Append(':');
            field(name);
        }
        if (n > 0 && _random.Next(15) == 0) _json.Append(',');
        _json.Append('}');
    }

    private void Array(Action item)
    {
        _json.Append('[');
        var n = _random.Next(5);
        for (var i = 0; i < n; i++)
        {
            if (i > 0) _json.Append(',');
            if (_random.Next(8) == 0) Number();
            else item();
        }
        _json.Append(']');
    }

    private void Name(string name)
    {
        // Now and then a name with an escape in it, which must still match.
        if (name.Length > 2 && _random.Next(10) == 0) _json.Append('"').Append(name[0]).Append($"\\u{(int)name[1]:x4}").Append(name[2..]).Append('"');
        else _json.Append('"').Append(name).Append('"');
    }

    private void String(string value)
    {
        _json.Append('"');
        foreach (var c in value)
        {
            if (c == '"') _json.Append("\\\"");
            else _json.Append(c);
        }
        if (_random.Next(30) == 0) _json.Append(Pick("\\n", "\\u00e9", "\\ud83d\\ude00", "\\ud83d", "\\udc00x"));
        _json.Append('"');
    }

    private void NumberOr(bool number, string text)
    {
        if (number) Number();
        else String(text);
    }

    private void Number() => Literal(Pick("0", "7", "-3", "400", "1e3", "1.5e12", "2.7", "-0.5", "3000000000", "-3000000000", "1e400", "1783793307570"));

    private void Literal(string text) => _json.Append(text);

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];

    private void Pick(params Action[] options) => options[_random.Next(options.Length)]();
}
