using System.Runtime.CompilerServices;
using System.Text;

namespace ClawLearn.Storage;

/// <summary>
/// Writes the varints and strings of <see cref="TraceCodec"/> into a per-thread scratch buffer that grows as
/// needed; <see cref="ToArray"/> copies out exactly what was written. One writer per thread at a time.
/// </summary>
internal ref struct CompactWriter
{
    [ThreadStatic]
    private static byte[]? s_scratch;

    private byte[] _buffer;
    private int _length;

    public CompactWriter(int capacityHint)
    {
        _buffer = s_scratch is { } scratch && scratch.Length >= capacityHint ? scratch : new byte[Math.Max(capacityHint, 1024)];
        s_scratch = _buffer;
        _length = 0;
    }

    // Every trace's every arm goes through these: inlined or compiled optimised at once (see TraceCodec.Encode).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Unsigned(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    /// <summary>Zig-zag: small negative numbers stay short too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Signed(long value) => Unsigned((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Length + 1 (0 for null), then the UTF-8 bytes.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Unsigned(0);
            return;
        }
        var bytes = Encoding.UTF8.GetByteCount(value);
        Unsigned((ulong)bytes + 1);
        Ensure(bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public readonly byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length) Grow(more);
    }

    private void Grow(int more)
    {
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        s_scratch = _buffer;
    }
}
