using System.Text;

namespace ClawLearn.Storage;

/// <summary>Reads what <see cref="CompactWriter"/> wrote; a truncated or overlong value is a corrupt store.</summary>
internal ref struct CompactReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public byte Byte()
    {
        if (_position >= _bytes.Length) throw Corrupt();
        return _bytes[_position++];
    }

    public ulong Unsigned()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw Corrupt();
    }

    public long Signed()
    {
        var raw = Unsigned();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public string? String()
    {
        var header = Unsigned();
        if (header == 0) return null;
        var length = header - 1;
        if (length > (ulong)(_bytes.Length - _position)) throw Corrupt();
        var value = Encoding.UTF8.GetString(_bytes.Slice(_position, (int)length));
        _position += (int)length;
        return value;
    }

    /// <summary>Checks that nothing is left over.</summary>
    public readonly void End()
    {
        if (_position != _bytes.Length) throw Corrupt();
    }

    private static StoreException Corrupt() => new("a stored trace is corrupt (its bytes end early or run on); run `clawlearn ingest --full` to rebuild the traces");
}
