using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ClawLearn.Transcripts;

/// <summary>
/// A growable UTF-16 buffer that JSON string values are decoded into, with marked ranges. Content text is put together
/// here from its parts; a turn read for run facts only keeps its assistant text and tool-call arguments here instead
/// of in strings (see <see cref="Turn.Decoded"/>): ingest only copies them, lower-cased, into a run's own buffer, and
/// as strings they were more than a third of what a cold ingest allocated.
/// </summary>
/// <remarks>
/// The buffer is rented from <see cref="ArrayPool{T}.Shared"/>: <see cref="Release"/> gives it back. A parser keeps
/// one per thread and reuses it for every line, so what it holds is valid only until that thread parses the next line,
/// like a row of a streaming CSV reader.
/// </remarks>
internal sealed class DecodedText
{
    private char[] _buffer = [];
    private (int Start, int Length) _text;
    private readonly List<(int Start, int Length)> _arguments = [];

    /// <summary>The characters written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The characters the buffer holds before it has to grow.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>The turn's text (its range as last marked by <see cref="EndText"/>).</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(_text.Start, _text.Length);

    /// <summary>The arguments of the turn's tool call <paramref name="call"/> (in the order <see cref="EndArguments"/> marked them).</summary>
    public ReadOnlySpan<char> Arguments(int call) => _buffer.AsSpan(_arguments[call].Start, _arguments[call].Length);

    /// <summary>Empties the buffer and forgets every range; the memory is kept for the next line, unless a huge one left it big.</summary>
    public void Clear()
    {
        Length = 0;
        _text = default;
        _arguments.Clear();
        if (_buffer.Length > KeepChars) Release();
    }

    // A thread's buffer is kept from line to line up to this size (2 MB); one huge line's text is not kept for the rest of the run.
    private const int KeepChars = 1024 * 1024;

    /// <summary>Marks what was written since <paramref name="start"/> (a <see cref="Length"/> read before) as the text.</summary>
    public void EndText(int start) => _text = (start, Length - start);

    /// <summary>Marks what was written since <paramref name="start"/> as the next tool call's arguments.</summary>
    public void EndArguments(int start) => _arguments.Add((start, Length - start));

    /// <summary>What was written since <paramref name="start"/>, as a string.</summary>
    public string ToString(int start) => Length == start ? "" : new string(_buffer, start, Length - start);

    /// <summary>A JSON string's body (between its quotes), unescaped when <paramref name="escaped"/>; valid UTF-8, as the scan validated it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendJsonString(ReadOnlySpan<byte> body, bool escaped)
    {
        // Unescaped or transcoded, a string has at most as many UTF-16 chars as its UTF-8 bytes.
        Reserve(body.Length);
        Length += escaped ? JsonUnescape.Into(body, _buffer.AsSpan(Length)) : Encoding.UTF8.GetChars(body, _buffer.AsSpan(Length));
    }

    /// <summary>UTF-8 text as it is (raw JSON, for content that is an object without text).</summary>
    public void AppendUtf8(ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        Length += Encoding.UTF8.GetChars(utf8, _buffer.AsSpan(Length));
    }

    public void Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(_buffer.AsSpan(Length));
        Length += text.Length;
    }

    public void Append(char c)
    {
        Reserve(1);
        _buffer[Length++] = c;
    }

    /// <summary>Gives the buffer back to the pool; the text is empty afterwards.</summary>
    public void Release()
    {
        (Length, _text) = (0, default);
        _arguments.Clear();
        if (_buffer.Length > 0) ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Reserve(int more) => PooledArray.Grow(ref _buffer, Length, Length + more, minimum: 256);
}
