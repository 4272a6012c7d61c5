namespace ClawLearn;

/// <summary>Turns a character offset into a 1-based line and column, for error messages.</summary>
internal static class TextPosition
{
    public static (int Line, int Column) LineAndColumn(string text, int position)
    {
        int line = 1, column = 1;
        var end = Math.Min(position, text.Length);
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return (line, column);
    }
}
