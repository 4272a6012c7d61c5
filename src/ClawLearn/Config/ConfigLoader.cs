using System.Text.Json.Nodes;
using ClawLearn.StateDir;

namespace ClawLearn.Config;

/// <summary>
/// Loads <c>openclaw.json</c> the way OpenClaw does up to, and deliberately not including, environment
/// substitution: JSON5 parse, then <c>$include</c> resolution (paths relative to the including file,
/// depth at most 10, cycles are an error naming the chain). <c>${VAR}</c> strings stay literal so no
/// secret is ever resolved.
/// </summary>
public static class ConfigLoader
{
    public const int MaxIncludeDepth = 10;
    private const string IncludeKey = "$include";

    /// <summary>Loads and resolves a config file; returns an empty object when the file does not exist.</summary>
    /// <exception cref="ConfigException">Syntax error, unreadable include, include too deep, or a cycle.</exception>
    public static JsonObject Load(string path, SafeFileAccess files)
    {
        if (!File.Exists(path)) return [];
        var root = LoadFile(Path.GetFullPath(path), [], files);
        if (root is not JsonObject obj)
        {
            Throw.Config(path, "the config must be an object at the top level");
            return null!;
        }
        return obj;
    }

    private static JsonNode? LoadFile(string fullPath, List<string> chain, SafeFileAccess files)
    {
        if (chain.Contains(fullPath, StringComparer.Ordinal))
            Throw.Config(chain[^1], $"$include cycle: {string.Join(" -> ", chain.Append(fullPath).Select(Path.GetFileName))}");
        if (chain.Count > MaxIncludeDepth)
            Throw.Config(chain[^1], $"$include nested deeper than {MaxIncludeDepth} levels: {string.Join(" -> ", chain.Append(fullPath).Select(Path.GetFileName))}");

        string text;
        try
        {
            text = files.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var from = chain.Count > 0 ? chain[^1] : fullPath;
            Throw.Config(from, $"cannot read {(chain.Count > 0 ? "included file " : "")}'{fullPath}': {e.Message}");
            return null;
        }
        catch (PrivacyViolationException e)
        {
            Throw.Config(chain.Count > 0 ? chain[^1] : fullPath, $"$include of '{fullPath}', a file ClawLearn never reads ({e.Reason})");
            return null;
        }

        var node = Json5Reader.Parse(text, fullPath);
        chain.Add(fullPath);
        var resolved = ResolveIncludes(node, fullPath, chain, files);
        chain.RemoveAt(chain.Count - 1);
        return resolved;
    }

    private static JsonNode? ResolveIncludes(JsonNode? node, string currentFile, List<string> chain, SafeFileAccess files)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var resolved = ResolveIncludes(item, currentFile, chain, files);
                    if (!ReferenceEquals(item, resolved))
                    {
                        array[i] = null;
                        array[i] = resolved;
                    }
                }
                return array;
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key == IncludeKey) continue;
                    var child = obj[key];
                    var resolved = ResolveIncludes(child, currentFile, chain, files);
                    if (!ReferenceEquals(child, resolved))
                    {
                        obj.Remove(key);
                        obj[key] = resolved;
                    }
                }
                return obj.ContainsKey(IncludeKey) ? ExpandInclude(obj, currentFile, chain, files) : obj;
            default:
                return node;
        }
    }

    private static JsonNode? ExpandInclude(JsonObject obj, string currentFile, List<string> chain, SafeFileAccess files)
    {
        var spec = obj[IncludeKey];
        obj.Remove(IncludeKey);
        var paths = spec switch
        {
            JsonValue v when v.TryGetValue<string>(out var single) => [single],
            JsonArray a => a.Select(item => item is JsonValue iv && iv.TryGetValue<string>(out var p)
                ? p
                : Fail(currentFile, "every $include entry must be a path string")).ToList(),
            _ => [Fail(currentFile, "$include must be a path string or an array of path strings")],
        };

        JsonNode? included = null;
        var first = true;
        foreach (var relative in paths)
        {
            var baseDir = Path.GetDirectoryName(currentFile) ?? ".";
            if (relative.Contains('\0')) Fail(currentFile, "an $include path contains a NUL character");
            var target = Path.GetFullPath(PathExpansion.ExpandHome(relative), baseDir);
            var loaded = LoadFile(target, chain, files);
            included = first ? loaded : JsonMerge.Merge(included, loaded);
            first = false;
        }

        if (obj.Count == 0) return included;
        if (included is not JsonObject includedObject)
        {
            Throw.Config(currentFile, "$include with sibling keys must include an object");
            return null;
        }
        // Sibling keys are merged over the included content.
        return JsonMerge.Merge(includedObject, obj);
    }

    private static string Fail(string file, string message)
    {
        Throw.Config(file, message);
        return null!;
    }
}
