using System.Runtime.InteropServices;
using System.Text.Json;
using ClawLearn.Transcripts;

namespace ClawLearn;

/// <summary>Tolerant accessors: a missing property or a value of the wrong kind is simply absent.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Prop(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        try
        {
            return element.TryGetProperty(name, out var value) ? value : null;
        }
        catch (InvalidOperationException)
        {
            // A name escaped with a surrogate that makes no pair (Node's JSON writes them): the lookup throws when it
            // un-escapes one to compare. Such a name is read as JsonStrings reads it, and the last match counts, as above.
            JsonElement? found = null;
            foreach (var property in element.EnumerateObject())
            {
                if (JsonUnescape.ToString(JsonMarshal.GetRawUtf8PropertyName(property)) == name) found = property.Value;
            }
            return found;
        }
    }

    public static string? Str(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.String } value ? JsonStrings.Of(value) : null;

    public static long? Long(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var d) && double.IsFinite(d)
            ? (long)d
            : null;

    public static int? Int(this JsonElement element, string name) =>
        element.Long(name) is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    public static bool Bool(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.True };

    /// <summary>A time given either as epoch milliseconds or as an ISO-8601 string.</summary>
    public static long? TimeMs(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetDouble(out var d) && double.IsFinite(d) => (long)d,
        { ValueKind: JsonValueKind.String } s => Timestamps.ParseIso(JsonStrings.Of(s)),
        _ => null,
    };

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
