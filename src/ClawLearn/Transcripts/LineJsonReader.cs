using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace ClawLearn.Transcripts;

/// <summary>
/// A forward-only JSON tokenizer for one transcript line that accepts and rejects exactly what
/// <see cref="Utf8JsonReader"/> does with <see cref="LineScan"/>'s options (no comments, no trailing commas, one
/// value, depth 256), and offers the part of its API the scan uses. The difference is speed on long strings: tool
/// output is JSON-escaped text (a <c>\n</c> every line of it), and once a string holds an escape the framework reader
/// validates the rest byte by byte, the largest single cost of reading a transcript. Here a string is crossed 32 bytes
/// at a time (see <see cref="ReadString"/>). The line must be valid UTF-8 (the parser checks it first), as the
/// framework reader would check inside strings. The methods that run for every token are inlined or compiled
/// optimised at once (left to the tiered JIT, the helpers ran unoptimised through much of a cold ingest).
/// </summary>
internal ref struct LineJsonReader
{
    public const int MaxDepth = 256;

    // What ends a run of plain string bytes: the closing quote, an escape, or a control byte (invalid unescaped).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private enum Expect : byte { Value, ValueOrEndArray, NameOrEndObject, AfterValue, End }

    private readonly ReadOnlySpan<byte> _line;
    private int _pos;
    private int _depth;
    private Expect _expect;
    // Which open containers are objects: bit d for depth d (MaxDepth bits).
    private ulong _objects0, _objects1, _objects2, _objects3;

    public LineJsonReader(ReadOnlySpan<byte> line)
    {
        _line = line;
        _expect = Expect.Value;
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>A string's or property name's bytes between the quotes (escapes as written), or a number's or literal's bytes.</summary>
    public ReadOnlySpan<byte> ValueSpan { get; private set; }

    public bool ValueIsEscaped { get; private set; }

    public long TokenStartIndex { get; private set; }

    /// <summary>Where the current token ends (after a property name: after its colon).</summary>
    public readonly long BytesConsumed => _pos;

    /// <summary>The next token; false at the end of a complete value. Invalid JSON throws <see cref="JsonException"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        SkipWhitespace();
        switch (_expect)
        {
            case Expect.Value:
                if (_pos >= _line.Length) throw Invalid("the line ends where a value should be"); // an empty line too
                ReadValue();
                return true;
            case Expect.ValueOrEndArray:
                if (Peek() == ']')
                {
                    End(JsonTokenType.EndArray);
                    return true;
                }
                ReadValue();
                return true;
            case Expect.NameOrEndObject:
                if (Peek() == '}')
                {
                    End(JsonTokenType.EndObject);
                    return true;
                }
                ReadName();
                return true;
            case Expect.AfterValue:
                var inObject = InObject();
                var b = Peek();
                if (b == ',')
                {
                    _pos++;
                    SkipWhitespace();
                    if (inObject) ReadName();
                    else ReadValue();
                    return true;
                }
                if (b == (inObject ? '}' : ']'))
                {
                    End(inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
                    return true;
                }
                throw Invalid("expected a comma or the end of the container");
            default:
                if (_pos < _line.Length) throw Invalid("more after the value");
                return false;
        }
    }

    /// <summary>As <see cref="Utf8JsonReader.Skip"/>: on a property name, skips its value; on the start of a container, moves to its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Skip()
    {
        if (TokenType == JsonTokenType.PropertyName) Read();
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = _depth;
        while (Read() && _depth >= depth) { }
    }

    /// <summary>As <see cref="Utf8JsonReader.TryGetDouble"/>, for the number the reader is on.</summary>
    public readonly bool TryGetDouble(out double value)
    {
        var reader = new Utf8JsonReader(ValueSpan);
        reader.Read();
        return reader.TryGetDouble(out value);
    }

    /// <summary>As <see cref="Utf8JsonReader.CopyString(Span{byte})"/>, for the string or property name the reader is on.</summary>
    public readonly int CopyString(Span<byte> destination)
    {
        var reader = new Utf8JsonReader(_line.Slice((int)TokenStartIndex, ValueSpan.Length + 2));
        reader.Read();
        return reader.CopyString(destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadValue()
    {
        var start = _pos;
        TokenStartIndex = start;
        ValueIsEscaped = false;
        switch (Peek())
        {
            case (byte)'{':
                Push(isObject: true);
                TokenType = JsonTokenType.StartObject;
                ValueSpan = _line.Slice(start, 1);
                _expect = Expect.NameOrEndObject;
                return;
            case (byte)'[':
                Push(isObject: false);
                TokenType = JsonTokenType.StartArray;
                ValueSpan = _line.Slice(start, 1);
                _expect = Expect.ValueOrEndArray;
                return;
            case (byte)'"':
                ReadString();
                TokenType = JsonTokenType.String;
                break;
            case (byte)'t':
                Literal("true"u8, JsonTokenType.True);
                break;
            case (byte)'f':
                Literal("false"u8, JsonTokenType.False);
                break;
            case (byte)'n':
                Literal("null"u8, JsonTokenType.Null);
                break;
            default:
                ReadNumber();
                break;
        }
        _expect = _depth == 0 ? Expect.End : Expect.AfterValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadName()
    {
        if (Peek() != '"') throw Invalid("expected a property name");
        TokenStartIndex = _pos;
        ReadString();
        TokenType = JsonTokenType.PropertyName;
        SkipWhitespace();
        if (Peek() != ':') throw Invalid("expected a colon after the property name");
        _pos++;
        _expect = Expect.Value;
    }

    // From the opening quote to past the closing one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadString()
    {
        var open = _pos;
        var i = open + 1;
        var escaped = false;
        // 32 bytes at a time: one load gives every quote, backslash and control byte of the block as bits, and all the
        // escapes in it are handled from those bits (escaped tool output has one every few dozen bytes; a search per
        // escape cost more than the escape).
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(_line);
            while (i + Vector256<byte>.Count <= _line.Length)
            {
                var block = Vector256.LoadUnsafe(ref start, (nuint)i);
                var stops = (Vector256.Equals(block, Vector256.Create((byte)'"')) | Vector256.Equals(block, Vector256.Create((byte)'\\'))
                    | Vector256.LessThan(block, Vector256.Create((byte)0x20))).ExtractMostSignificantBits();
                var next = i + Vector256<byte>.Count;
                while (stops != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(stops);
                    var c = _line[at];
                    if (c == '"')
                    {
                        EndString(open, at, escaped);
                        return;
                    }
                    if (c != '\\') throw Invalid("a control character inside a string");
                    escaped = true;
                    var after = SkipEscape(at);
                    if (after >= next)
                    {
                        next = after; // the escape ran past the block: the next block starts after it
                        break;
                    }
                    stops &= ~0u << (after - i); // the escape's own bytes (an escaped quote or backslash) are not stops
                }
                i = next;
            }
        }
        while (true)
        {
            var k = _line[i..].IndexOfAny(StringStops);
            if (k < 0) throw Invalid("a string is not closed");
            i += k;
            var c = _line[i];
            if (c == '"') break;
            if (c != '\\') throw Invalid("a control character inside a string");
            escaped = true;
            i = SkipEscape(i);
        }
        EndString(open, i, escaped);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndString(int open, int close, bool escaped)
    {
        ValueSpan = _line[(open + 1)..close];
        ValueIsEscaped = escaped;
        _pos = close + 1;
    }

    // The escape whose backslash is at <paramref name="at"/> is valid: where the string goes on after it. Inlined: it
    // runs for every escape of every string.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int SkipEscape(int at)
    {
        if (at + 1 >= _line.Length) throw Invalid("a string is not closed");
        switch (_line[at + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return at + 2;
            case (byte)'u':
                if (at + 6 > _line.Length || !IsHex(_line[at + 2]) || !IsHex(_line[at + 3]) || !IsHex(_line[at + 4]) || !IsHex(_line[at + 5]))
                    throw Invalid("a \\u escape needs four hex digits");
                return at + 6;
            default:
                throw Invalid("an invalid escape");
        }
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, then a delimiter or the end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadNumber()
    {
        var start = _pos;
        var i = start;
        if (i < _line.Length && _line[i] == '-') i++;
        if (i >= _line.Length) throw Invalid("expected a value");
        if (_line[i] == '0') i++;
        else if (IsDigit(_line[i])) i = Digits(i);
        else throw Invalid("expected a value");
        if (i < _line.Length && _line[i] == '.')
        {
            if (i + 1 >= _line.Length || !IsDigit(_line[i + 1])) throw Invalid("a number needs digits after its point");
            i = Digits(i + 1);
        }
        if (i < _line.Length && (_line[i] | 0x20) == 'e')
        {
            i++;
            if (i < _line.Length && (_line[i] == '+' || _line[i] == '-')) i++;
            if (i >= _line.Length || !IsDigit(_line[i])) throw Invalid("a number needs digits in its exponent");
            i = Digits(i);
        }
        if (i < _line.Length && !IsDelimiter(_line[i])) throw Invalid("a number runs into other characters");
        TokenType = JsonTokenType.Number;
        ValueSpan = _line[start..i];
        _pos = i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Literal(ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!_line[_pos..].StartsWith(literal)) throw Invalid("expected a value");
        var end = _pos + literal.Length;
        if (end < _line.Length && !IsDelimiter(_line[end])) throw Invalid("a literal runs into other characters");
        TokenType = type;
        ValueSpan = _line.Slice(_pos, literal.Length);
        _pos = end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void End(JsonTokenType type)
    {
        TokenStartIndex = _pos;
        ValueSpan = _line.Slice(_pos, 1);
        ValueIsEscaped = false;
        _pos++;
        _depth--;
        TokenType = type;
        _expect = _depth == 0 ? Expect.End : Expect.AfterValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Push(bool isObject)
    {
        if (_depth >= MaxDepth) throw Invalid($"deeper than {MaxDepth}");
        var bit = 1UL << (_depth & 63);
        ref var word = ref Word(_depth >> 6);
        word = isObject ? word | bit : word & ~bit;
        _depth++;
        _pos++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly bool InObject()
    {
        var d = _depth - 1;
        var word = (d >> 6) switch { 0 => _objects0, 1 => _objects1, 2 => _objects2, _ => _objects3 };
        return (word & (1UL << (d & 63))) != 0;
    }

    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ref ulong Word(int index)
    {
        switch (index)
        {
            case 0: return ref _objects0;
            case 1: return ref _objects1;
            case 2: return ref _objects2;
            default: return ref _objects3;
        }
    }

    // Inlined: it runs for every token. The throw is a call of its own, which a method must not hold to be inlined.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly byte Peek() => _pos < _line.Length ? _line[_pos] : EndedInsideValue();

    private readonly byte EndedInsideValue() => throw Invalid("the line ends inside a value");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhitespace()
    {
        while (_pos < _line.Length && _line[_pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') _pos++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly int Digits(int i)
    {
        while (i < _line.Length && IsDigit(_line[i])) i++;
        return i;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 5;

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)']' or (byte)'}';

    private readonly JsonException Invalid(string why) => new($"invalid JSON at byte {_pos}: {why}");
}
