namespace ClawLearn.Runs;

/// <summary>
/// A run's assistant text or tool-call arguments as the strings the parser already decoded, each to be followed by
/// a newline. Reference detection needs all of it lower-cased in one string; built here in one allocation, with no
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
    /// <c>(text + "\n" + arguments).ToLowerInvariant()</c>, each side its pieces joined and ended by newlines. Piece by
    /// piece gives the same characters as the whole: case mapping is per character or surrogate pair, and a pair
    /// never spans a newline.
    /// </summary>
    public static string LowerJoined(RunText text, RunText arguments) =>
        string.Create(text._length + 1 + arguments._length, (text, arguments), static (span, p) =>
        {
            var at = p.text.LowerInto(span);
            span[at++] = '\n';
            p.arguments.LowerInto(span[at..]);
        });

    private int LowerInto(Span<char> span)
    {
        var at = 0;
        foreach (var piece in _pieces)
        {
            at += piece.AsSpan().ToLowerInvariant(span[at..]);
            span[at++] = '\n';
        }
        return at;
    }
}
