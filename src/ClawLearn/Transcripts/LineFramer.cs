using System.Buffers;
using System.Runtime.CompilerServices;

namespace ClawLearn.Transcripts;

/// <summary>
/// Our own JSONL framing over a stream: yields each line's bytes (without <c>\r\n</c>) from a pooled buffer
/// that grows only up to the line limit. A longer line is drained and reported as <see cref="LineStatus.TooLong"/>
/// without ever being held whole, so memory stays flat however big a file or a line is.
/// The returned memory is valid until the next call.
/// </summary>
internal sealed class LineFramer : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _bufferOffset; // file offset of _buffer[0]
    private bool _atStart;

    public LineFramer(Stream stream, long startOffset, LineReaderOptions options)
    {
        _stream = stream;
        _maxLineBytes = Math.Max(1024, options.MaxLineBytes);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(options.BufferBytes, Math.Min(4096, _maxLineBytes + 1), _maxLineBytes + 1));
        _bufferOffset = startOffset;
        if (startOffset > 0) stream.Seek(startOffset, SeekOrigin.Begin);
        _atStart = startOffset == 0;
    }

    /// <summary>Reads the next line. False at the end of the stream.</summary>
    // Runs for every line of every transcript: compiled optimised at once. Left to the tiered JIT it stayed unoptimised
    // for most of a cold ingest (tier-up waits while start-up keeps compiling new methods).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out ReadOnlyMemory<byte> line, out long offset, out LineStatus status)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                offset = _bufferOffset + _start;
                line = TrimCr(_buffer.AsMemory(_start, newline));
                _start += newline + 1;
                status = LineStatus.Complete;
                return true;
            }
            if (_eof)
            {
                offset = _bufferOffset + _start;
                if (_start == _end)
                {
                    line = default;
                    status = LineStatus.Complete;
                    return false;
                }
                line = TrimCr(_buffer.AsMemory(_start, _end - _start));
                _start = _end;
                status = LineStatus.Unterminated;
                return true;
            }
            if (_end - _start > _maxLineBytes)
            {
                offset = _bufferOffset + _start;
                var terminated = DrainLongLine();
                line = default;
                status = terminated ? LineStatus.TooLong : LineStatus.TooLongUnterminated;
                return true;
            }
            Fill();
        }
    }

    /// <summary>The file offset just past everything returned so far.</summary>
    public long Position => _bufferOffset + _start;

    private static ReadOnlyMemory<byte> TrimCr(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill()
    {
        var unread = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
            _bufferOffset += _start;
            _start = 0;
            _end = unread;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLineBytes + 1 + 4096));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
        if (_atStart && _end >= 3)
        {
            _atStart = false;
            if (_buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = 3; // UTF-8 byte order mark
        }
    }

    // Discards bytes up to and including the next newline; false when the stream ended first.
    private bool DrainLongLine()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                return true;
            }
            _bufferOffset += _end;
            _start = 0;
            _end = 0;
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                return false;
            }
            _end = read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
