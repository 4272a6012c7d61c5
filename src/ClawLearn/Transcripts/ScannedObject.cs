using System.Text.Json;

namespace ClawLearn.Transcripts;

/// <summary>
/// The properties of one object of a line that the parser reads (the root, <c>message</c>, or <c>usage</c>), as
/// slots; for <c>content</c> also its elements. A repeated property overwrites the earlier one: the last one
/// wins, as with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.
/// </summary>
internal sealed class ScannedObject
{
    private readonly JsonSlot[] _slots = new JsonSlot[(int)LineField.Count];

    /// <summary>The elements of <c>content</c> when it is an array.</summary>
    public List<ContentPart> Parts { get; } = [];

    /// <summary><c>content</c> when it is an object.</summary>
    public ContentPart ContentObject;

    public ref JsonSlot this[LineField field] => ref _slots[(int)field];

    public bool IsObject(LineField field) => _slots[(int)field].Kind == JsonTokenType.StartObject;

    public string? Str(LineField field, ReadOnlySpan<byte> line) => _slots[(int)field].Str(line);

    /// <summary>A short value that repeats from line to line (a type, role, provider, model, name), possibly shared.</summary>
    public string? Shared(LineField field, ReadOnlySpan<byte> line) => _slots[(int)field].Shared(line);

    public void Clear()
    {
        Array.Clear(_slots);
        Parts.Clear();
        ContentObject = default;
    }
}
