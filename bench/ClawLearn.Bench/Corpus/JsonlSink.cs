namespace ClawLearn.Bench.Corpus;

/// <summary>A transcript file, written through one large buffer so a 400 MB file costs few system calls.</summary>
internal sealed class JsonlSink(string path) : IEventSink, IDisposable
{
    private readonly FileStream _file = new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);

    public long Written { get; private set; }

    public void Add(ReadOnlySpan<byte> line, long timestampMs)
    {
        _file.Write(line);
        _file.WriteByte((byte)'\n');
        Written += line.Length + 1;
    }

    public void Dispose() => _file.Dispose();
}
