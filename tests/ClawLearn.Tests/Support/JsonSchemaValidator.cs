using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClawLearn.Tests.Support;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator for the keywords our schemas use: type (one or a list), properties,
/// required, additionalProperties: false, items, $ref to #/$defs, pattern, minLength, minimum, exclusiveMinimum.
/// No validator package is available here; an unknown keyword fails loudly so the schema cannot silently outgrow it.
/// </summary>
public sealed class JsonSchemaValidator(JsonElement root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties", "items", "$ref",
        "$defs", "pattern", "minLength", "minimum", "exclusiveMinimum",
    ];

    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name)) throw new NotSupportedException($"schema keyword '{keyword.Name}' is not supported by the test validator");
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Replace("#/$defs/", "");
            Check(root.GetProperty("$defs").GetProperty(name), value, path, errors);
            return;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => Is(value, t)))
            {
                errors.Add($"{path}: expected {string.Join("|", types)}, got {value.ValueKind}");
                return;
            }
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: missing required '{name}'");
                    }
                }
                foreach (var property in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
                        Check(sub, property.Value, $"{path}.{property.Name}", errors);
                    else if (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
                        errors.Add($"{path}: unexpected property '{property.Name}'");
                }
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var i = 0;
                foreach (var item in value.EnumerateArray()) Check(items, item, $"{path}[{i++}]", errors);
                break;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
                    errors.Add($"{path}: '{text}' does not match {pattern.GetString()}");
                if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
                    errors.Add($"{path}: shorter than {min.GetInt32()}");
                break;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble()) errors.Add($"{path}: {number} < {minimum.GetDouble()}");
                if (schema.TryGetProperty("exclusiveMinimum", out var exclusive) && number <= exclusive.GetDouble()) errors.Add($"{path}: {number} <= {exclusive.GetDouble()}");
                break;
        }
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
