using System.Buffers;
using System.Text.Json;

namespace ClawLearn;

/// <summary>
/// Walks a large JSON document token by token from a stream, and hands out one nested value at a time as its
/// bytes (or its own small <see cref="JsonDocument"/>). Only the value being read is ever buffered, so a 40 MB
/// file of 100 KB entries never becomes one DOM. Comments and trailing commas are accepted (hand-edited stores).
/// </summary>
internal sealed class JsonStreamWalker : IDisposable
{
    private const int MaxValueBytes = 512 * 1024 * 1024;
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private bool _sawStart;
    private JsonReaderState _state;

    public JsonStreamWalker(Stream stream, int initialBuffer = 64 * 1024)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(initialBuffer);
        _state = new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 256,
        });
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The property name or string value of the last token read.</summary>
    public string? StringValue { get; private set; }

    /// <summary>Reads the next token; containers are entered, not skipped. False at the end of the input.</summary>
    public bool Read() => Read(capture: false, out _);

    /// <summary>
    /// Reads the next token; when it opens an object or array, reads that whole value and returns its bytes, valid
    /// until the next read. Scalars come back with no bytes.
    /// </summary>
    public bool ReadValue(out ReadOnlyMemory<byte> value) => Read(capture: true, out value);

    /// <summary>As <see cref="ReadValue(out ReadOnlyMemory{byte})"/>, the value parsed into a document the caller disposes.</summary>
    public bool ReadValue(out JsonDocument? document)
    {
        var read = Read(capture: true, out var value);
        document = value.IsEmpty ? null : JsonDocument.Parse(value, DocumentOptions);
        return read;
    }

    private bool Read(bool capture, out ReadOnlyMemory<byte> value)
    {
        value = default;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                var type = reader.TokenType;
                if (capture && type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var tokenStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        if (_final) throw new JsonException("unexpected end of data inside a value");
                        Refill();
                        continue;
                    }
                    var length = (int)reader.BytesConsumed - tokenStart;
                    value = _buffer.AsMemory(_start + tokenStart, length);
                }
                TokenType = type;
                StringValue = type is JsonTokenType.PropertyName or JsonTokenType.String ? JsonStrings.Of(ref reader) : null;
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }
            if (_final) return false;
            Refill();
        }
    }

    // Keeps the unread bytes, grows the buffer when a single value does not fit, and reads more.
    private void Refill()
    {
        var unread = _end - _start;
        if (_start == 0 && _end == _buffer.Length)
        {
            if (_buffer.Length >= MaxValueBytes) throw new JsonException($"a single value is larger than {MaxValueBytes / (1024 * 1024)} MB");
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, unread).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }
        _start = 0;
        _end = unread;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _final = true;
        _end += read;
        if (!_sawStart && _end >= 3)
        {
            _sawStart = true;
            if (_buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = 3; // UTF-8 byte order mark
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
