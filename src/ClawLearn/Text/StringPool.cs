namespace ClawLearn;

/// <summary>
/// One string instance per distinct value, for names that recur by the thousand (every session's prompt report
/// lists the same few hundred tools and skills; a 10,000-session index would otherwise hold a copy in each).
/// Not thread-safe: one pool per reader.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool()
    {
        _strings = new(StringComparer.Ordinal);
        _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(string value)
    {
        if (_strings.TryGetValue(value, out var pooled)) return pooled;
        _strings[value] = value;
        return value;
    }

    /// <summary>The pooled copy of <paramref name="value"/>: a string is made only the first time a value is seen.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (_bySpan.TryGetValue(value, out var pooled)) return pooled;
        var made = value.ToString();
        _strings[made] = made;
        return made;
    }
}
