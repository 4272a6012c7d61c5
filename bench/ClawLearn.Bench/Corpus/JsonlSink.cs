namespace ClawLearn.Bench.Corpus;

/// <summary>
/// A transcript file, written through one buffer of up to 1 MB so a 400 MB file costs few system calls; a small
/// file gets a buffer its own size, so 10,000 files do not allocate 10 GB of buffers between them.
/// </summary>
internal sealed class JsonlSink(string path, long expectedBytes) : IEventSink, IDisposable
{
    private readonly FileStream _file = new(path, FileMode.Create, FileAccess.Write, FileShare.None, (int)Math.Clamp(expectedBytes, 4096, 1 << 20));

    public long Written { get; private set; }

    public void Add(ReadOnlySpan<byte> line, long timestampMs)
    {
        _file.Write(line);
        _file.WriteByte((byte)'\n');
        Written += line.Length + 1;
    }

    public void Dispose() => _file.Dispose();
}
