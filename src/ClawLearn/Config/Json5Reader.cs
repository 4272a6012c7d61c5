using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClawLearn.Config;

/// <summary>
/// A small, complete JSON5 reader (https://spec.json5.org): comments, trailing commas, unquoted keys,
/// single-quoted strings, hexadecimal numbers, leading <c>+</c> and <c>.</c>, <c>Infinity</c>/<c>NaN</c>,
/// and line continuations inside strings. No JSON5 package exists on our machines, and OpenClaw's own
/// config and session stores are read with JSON5. The result is a <see cref="JsonNode"/> tree;
/// duplicate keys keep the last value, as JSON5's reference parser does.
/// </summary>
public sealed class Json5Reader
{
    // Deep nesting is almost certainly garbage; the limit keeps a hostile file from overflowing the stack.
    private const int MaxDepth = 256;

    private readonly string _text;
    private readonly string _file;
    private int _pos;

    private Json5Reader(string text, string file)
    {
        _text = text;
        _file = file;
    }

    /// <summary>Parses one JSON5 value; <paramref name="file"/> names the source in error messages.</summary>
    /// <exception cref="ConfigException">The text is not valid JSON5.</exception>
    public static JsonNode? Parse(string text, string file = "<json5>")
    {
        var reader = new Json5Reader(text, file);
        if (reader._pos < text.Length && text[0] == '\uFEFF') reader._pos++;
        reader.SkipTrivia();
        if (reader.AtEnd) reader.Fail("empty document: expected a value");
        var value = reader.ReadValue(0);
        reader.SkipTrivia();
        if (!reader.AtEnd) reader.Fail($"unexpected {reader.Describe()} after the end of the value");
        return value;
    }

    private bool AtEnd => _pos >= _text.Length;
    private char Current => _text[_pos];

    private JsonNode? ReadValue(int depth)
    {
        if (depth > MaxDepth) Fail($"nesting deeper than {MaxDepth} levels");
        if (AtEnd) Fail("unexpected end of input: expected a value");
        var c = Current;
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"' or '\'': return JsonValue.Create(ReadString());
        }
        if (c is '+' or '-' or '.' || char.IsAsciiDigit(c)) return ReadNumber();
        if (TryReadWord("null")) return null;
        if (TryReadWord("true")) return JsonValue.Create(true);
        if (TryReadWord("false")) return JsonValue.Create(false);
        if (TryReadWord("Infinity")) return JsonValue.Create(double.PositiveInfinity);
        if (TryReadWord("NaN")) return JsonValue.Create(double.NaN);
        Fail($"unexpected {Describe()}: expected a value");
        return null;
    }

    private JsonObject ReadObject(int depth)
    {
        var obj = new JsonObject();
        _pos++; // {
        while (true)
        {
            SkipTrivia();
            if (AtEnd) Fail("unexpected end of input inside an object: expected '}'");
            if (Current == '}') { _pos++; return obj; }
            var key = Current is '"' or '\'' ? ReadString() : ReadIdentifier();
            SkipTrivia();
            if (AtEnd || Current != ':') Fail($"expected ':' after key '{key}' but found {Describe()}");
            _pos++;
            SkipTrivia();
            var value = ReadValue(depth + 1);
            obj.Remove(key);
            obj[key] = value;
            SkipTrivia();
            if (AtEnd) Fail("unexpected end of input inside an object: expected ',' or '}'");
            if (Current == ',') { _pos++; continue; }
            if (Current == '}') { _pos++; return obj; }
            Fail($"expected ',' or '}}' but found {Describe()}");
        }
    }

    private JsonArray ReadArray(int depth)
    {
        var array = new JsonArray();
        _pos++; // [
        while (true)
        {
            SkipTrivia();
            if (AtEnd) Fail("unexpected end of input inside an array: expected ']'");
            if (Current == ']') { _pos++; return array; }
            array.Add(ReadValue(depth + 1));
            SkipTrivia();
            if (AtEnd) Fail("unexpected end of input inside an array: expected ',' or ']'");
            if (Current == ',') { _pos++; continue; }
            if (Current == ']') { _pos++; return array; }
            Fail($"expected ',' or ']' but found {Describe()}");
        }
    }

    private JsonValue ReadNumber()
    {
        var start = _pos;
        var negative = false;
        if (Current is '+' or '-')
        {
            negative = Current == '-';
            _pos++;
            if (AtEnd) Fail("unexpected end of input in a number");
        }
        if (TryReadWord("Infinity")) return JsonValue.Create(negative ? double.NegativeInfinity : double.PositiveInfinity);
        if (TryReadWord("NaN")) return JsonValue.Create(double.NaN);

        if (Current == '0' && _pos + 1 < _text.Length && _text[_pos + 1] is 'x' or 'X')
        {
            _pos += 2;
            var digitsStart = _pos;
            while (!AtEnd && char.IsAsciiHexDigit(Current)) _pos++;
            if (_pos == digitsStart) Fail("expected hexadecimal digits after '0x'");
            EnsureNumberEnds();
            var hex = _text.AsSpan(digitsStart, _pos - digitsStart);
            if (ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var big) && big <= long.MaxValue)
                return JsonValue.Create(negative ? -(long)big : (long)big);
            var asDouble = 0d;
            foreach (var h in hex) asDouble = asDouble * 16 + (char.IsAsciiDigit(h) ? h - '0' : char.ToLowerInvariant(h) - 'a' + 10);
            return JsonValue.Create(negative ? -asDouble : asDouble);
        }

        var intStart = _pos;
        while (!AtEnd && char.IsAsciiDigit(Current)) _pos++;
        var intDigits = _pos - intStart;
        if (intDigits > 1 && _text[intStart] == '0') Fail("leading zeros are not allowed in numbers", intStart);
        var isInteger = true;
        var fracDigits = 0;
        if (!AtEnd && Current == '.')
        {
            isInteger = false;
            _pos++;
            var fracStart = _pos;
            while (!AtEnd && char.IsAsciiDigit(Current)) _pos++;
            fracDigits = _pos - fracStart;
        }
        if (intDigits == 0 && fracDigits == 0) Fail("expected digits in a number", start);
        if (!AtEnd && Current is 'e' or 'E')
        {
            isInteger = false;
            _pos++;
            if (!AtEnd && Current is '+' or '-') _pos++;
            var expStart = _pos;
            while (!AtEnd && char.IsAsciiDigit(Current)) _pos++;
            if (_pos == expStart) Fail("expected digits in the exponent");
        }
        EnsureNumberEnds();

        var literal = _text.AsSpan(start, _pos - start);
        if (literal[0] == '+') literal = literal[1..];
        if (isInteger && long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        return JsonValue.Create(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private void EnsureNumberEnds()
    {
        if (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '_' or '$' or '.'))
            Fail($"unexpected {Describe()} in a number");
    }

    private string ReadString()
    {
        var quote = Current;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd) Fail("unterminated string");
            var c = Current;
            if (c == quote) { _pos++; return sb.ToString(); }
            if (c is '\n' or '\r') Fail("line break inside a string (end the line with '\\' to continue it)");
            if (c != '\\') { sb.Append(c); _pos++; continue; }

            _pos++; // backslash
            if (AtEnd) Fail("unterminated string");
            var e = Current;
            _pos++;
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '0':
                    if (!AtEnd && char.IsAsciiDigit(Current)) Fail("octal escapes are not allowed", _pos - 2);
                    sb.Append('\0'); break;
                case 'x': sb.Append((char)ReadHex(2)); break;
                case 'u': sb.Append((char)ReadHex(4)); break;
                // Line continuation: a backslash before a line terminator contributes nothing.
                case '\n' or '\u2028' or '\u2029': break;
                case '\r':
                    if (!AtEnd && Current == '\n') _pos++;
                    break;
                default:
                    if (char.IsAsciiDigit(e)) Fail($"invalid escape '\\{e}'", _pos - 2);
                    sb.Append(e); break; // \' \" \\ \/ and any other character escape to themselves
            }
        }
    }

    private int ReadHex(int digits)
    {
        if (_pos + digits > _text.Length) Fail("unterminated escape sequence");
        var span = _text.AsSpan(_pos, digits);
        if (!int.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            Fail($"invalid hexadecimal escape '{span}'");
        _pos += digits;
        return value;
    }

    private string ReadIdentifier()
    {
        var sb = new StringBuilder();
        while (!AtEnd)
        {
            var c = Current;
            if (c == '\\')
            {
                if (_pos + 1 >= _text.Length || _text[_pos + 1] != 'u') Fail("invalid escape in a key: expected '\\u'");
                _pos += 2;
                c = (char)ReadHex(4);
                if (!IsIdentifierChar(c, sb.Length == 0)) Fail($"escaped character U+{(int)c:X4} is not allowed in a key");
                sb.Append(c);
                continue;
            }
            if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLetter(_text, _pos))
            {
                sb.Append(c).Append(_text[_pos + 1]); // a letter outside the Basic Multilingual Plane
                _pos += 2;
                continue;
            }
            if (!IsIdentifierChar(c, sb.Length == 0)) break;
            sb.Append(c);
            _pos++;
        }
        if (sb.Length == 0) Fail($"unexpected {Describe()}: expected a key");
        return sb.ToString();
    }

    private static bool IsIdentifierChar(char c, bool first)
    {
        if (c is '$' or '_' || char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber) return true;
        if (first) return false;
        if (char.IsDigit(c) || c is '\u200C' or '\u200D') return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber;
    }

    private bool TryReadWord(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) return false;
        var end = _pos + word.Length;
        if (end < _text.Length && IsIdentifierChar(_text[end], first: false)) return false;
        _pos = end;
        return true;
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (IsWhitespace(c)) { _pos++; continue; }
            if (c != '/' || _pos + 1 >= _text.Length) return;
            var next = _text[_pos + 1];
            if (next == '/')
            {
                _pos += 2;
                while (!AtEnd && Current is not ('\n' or '\r' or '\u2028' or '\u2029')) _pos++;
            }
            else if (next == '*')
            {
                var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (close < 0) Fail("unterminated block comment");
                _pos = close + 2;
            }
            else return;
        }
    }

    private static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u00A0' or '\u2028' or '\u2029' or '\uFEFF'
        || (c > 127 && char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);

    private string Describe()
    {
        if (AtEnd) return "end of input";
        var c = Current;
        return char.IsControl(c) ? $"character U+{(int)c:X4}" : $"'{c}'";
    }

    private void Fail(string message) => Fail(message, _pos);

    private void Fail(string message, int position) => Throw.ConfigSyntax(_file, _text, position, message);
}
