using System.Text.Json.Nodes;

namespace ClawLearn.Config;

/// <summary>OpenClaw's <c>$include</c> merge: objects merge key by key, arrays concatenate, later scalars win.</summary>
internal static class JsonMerge
{
    public static JsonNode? Merge(JsonNode? target, JsonNode? source)
    {
        if (target is JsonObject to && source is JsonObject so)
        {
            foreach (var (key, value) in so.ToList())
            {
                so.Remove(key);
                to[key] = to.TryGetPropertyValue(key, out var existing) ? Merge(Detach(to, key, existing), value) : value;
            }
            return to;
        }
        if (target is JsonArray ta && source is JsonArray sa)
        {
            foreach (var item in sa.ToList())
            {
                sa.Remove(item);
                ta.Add(item);
            }
            return ta;
        }
        return source;
    }

    private static JsonNode? Detach(JsonObject parent, string key, JsonNode? node)
    {
        parent.Remove(key);
        return node;
    }
}
