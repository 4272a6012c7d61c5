using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// One JSON line at a time into a reused buffer (one per writer thread): lines never become strings, and a
/// 2 MB image line grows the buffer once instead of allocating per line.
/// </summary>
internal sealed class LineBuffer : IDisposable
{
    // Like JSON.stringify: only quotes, backslashes and control characters are escaped, not '<', '&' or '\''.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer;

    public LineBuffer() => _writer = new Utf8JsonWriter(_buffer, Options);

    /// <summary>The writer of the line being built, for code that continues a line another method began.</summary>
    public Utf8JsonWriter Current => _writer;

    public Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        return _writer;
    }

    public ReadOnlySpan<byte> End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    public void Dispose() => _writer.Dispose();
}
