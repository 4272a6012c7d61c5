namespace ClawLearn.Tests.Support;

/// <summary>A string writer that one thread writes while another reads what has been written so far.</summary>
public sealed class SharedStringWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value) { lock (_gate) base.Write(value); }
    public override void Write(string? value) { lock (_gate) base.Write(value); }
    public override void Write(char[] buffer, int index, int count) { lock (_gate) base.Write(buffer, index, count); }
    public override void Write(ReadOnlySpan<char> buffer) { lock (_gate) base.Write(buffer); }
    public override string ToString() { lock (_gate) return base.ToString(); }
}
