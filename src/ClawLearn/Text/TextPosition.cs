namespace ClawLearn;

/// <summary>Turns a character offset into a 1-based line and column, for error messages.</summary>
internal static class TextPosition
{
    /// <summary>Line breaks are LF, CR, CRLF, U+2028 and U+2029, as JSON5 defines them.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int position)
    {
        int line = 1, column = 1;
        var end = Math.Min(position, text.Length);
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // CRLF counts once, at the LF
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return (line, column);
    }
}
