using System.Buffers;
using System.Text;

namespace ClawLearn.Runs;

/// <summary>
/// A run's assistant text or tool-call arguments, lower-cased as each piece arrives, each piece followed by a newline,
/// in one pooled buffer. Reference detection needs only that; holding the decoded strings until the run ended instead
/// kept them alive across collections (a run spans many lines), so they were promoted and copied, and the run's text
/// was then built again as one more string.
/// </summary>
internal sealed class RunText
{
    private char[] _buffer = [];
    private int _length;

    public void Add(ReadOnlySpan<char> piece)
    {
        var needed = _length + piece.Length + 1;
        PooledArray.Grow(ref _buffer, _length, needed, minimum: 1024);
        _length += Lower(piece, _buffer.AsSpan(_length));
        _buffer[_length++] = '\n';
    }

    /// <summary>
    /// <c>(text + "\n" + arguments).ToLowerInvariant()</c>, each side its pieces joined and ended by newlines, in a
    /// buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns it); its first <paramref name="length"/>
    /// characters. Piece by piece gives the same characters as the whole: case mapping is per character or surrogate
    /// pair, and a pair never spans a newline.
    /// </summary>
    public static char[] RentLowerJoined(RunText text, RunText arguments, out int length)
    {
        length = text._length + 1 + arguments._length;
        var buffer = ArrayPool<char>.Shared.Rent(length);
        text._buffer.AsSpan(0, text._length).CopyTo(buffer);
        buffer[text._length] = '\n';
        arguments._buffer.AsSpan(0, arguments._length).CopyTo(buffer.AsSpan(text._length + 1));
        return buffer;
    }

    /// <summary>Gives the buffer back to the pool; the text is empty afterwards.</summary>
    public void Release()
    {
        if (_buffer.Length > 0) ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    // ASCII (most text) is lower-cased vectorised; from the first other character on, invariant casing takes over. The
    // same characters either way: invariant lower-casing maps ASCII exactly as ASCII lower-casing does.
    private static int Lower(ReadOnlySpan<char> piece, Span<char> destination)
    {
        if (Ascii.ToLower(piece, destination, out var done) == OperationStatus.Done) return done;
        return done + piece[done..].ToLowerInvariant(destination[done..]);
    }
}
