using System.Buffers;
using System.Text;

namespace ClawLearn.Runs;

/// <summary>
/// A run's assistant text or tool-call arguments as the strings the parser already decoded, each to be followed by
/// a newline. Reference detection needs all of it lower-cased in one span; built here in one pooled buffer, with no
/// builder growing through copies and no concatenated string lower-cased into yet another.
/// </summary>
internal sealed class RunText
{
    private readonly List<string> _pieces = [];
    private int _length;

    public IReadOnlyList<string> Pieces => _pieces;

    public void Add(string piece)
    {
        _pieces.Add(piece);
        _length += piece.Length + 1;
    }

    /// <summary>
    /// <c>(text + "\n" + arguments).ToLowerInvariant()</c>, each side its pieces joined and ended by newlines, in a
    /// buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns it); its first <paramref name="length"/>
    /// characters. Piece by piece gives the same characters as the whole: case mapping is per character or surrogate
    /// pair, and a pair never spans a newline.
    /// </summary>
    public static char[] RentLowerJoined(RunText text, RunText arguments, out int length)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text._length + 1 + arguments._length);
        var span = buffer.AsSpan();
        var at = text.LowerInto(span);
        span[at++] = '\n';
        length = at + arguments.LowerInto(span[at..]);
        return buffer;
    }

    private int LowerInto(Span<char> span)
    {
        var at = 0;
        foreach (var piece in _pieces)
        {
            at += Lower(piece, span[at..]);
            span[at++] = '\n';
        }
        return at;
    }

    // ASCII (most text) is lower-cased vectorised; from the first other character on, invariant casing takes over. The
    // same characters either way: invariant lower-casing maps ASCII exactly as ASCII lower-casing does.
    private static int Lower(ReadOnlySpan<char> piece, Span<char> destination)
    {
        if (Ascii.ToLower(piece, destination, out var done) == OperationStatus.Done) return done;
        return done + piece[done..].ToLowerInvariant(destination[done..]);
    }
}
