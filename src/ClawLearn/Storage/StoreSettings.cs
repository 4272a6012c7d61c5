using System.Text.Json.Nodes;
using ClawLearn.Config;

namespace ClawLearn.Storage;

/// <summary>
/// Where the learning store is when <c>--db</c> does not say: the <c>CLAWLEARN_DB</c> environment variable, else
/// <c>"db"</c> in ClawLearn's own settings file <c>&lt;state dir&gt;/learning/clawlearn.json</c> (JSON5), else the
/// default per-agent SQLite files. ClawLearn keeps its settings out of <c>openclaw.json</c>: OpenClaw validates that
/// file strictly and would reject a key it does not know.
/// </summary>
public static class StoreSettings
{
    public const string EnvironmentVariable = "CLAWLEARN_DB";

    public static string FilePath(string stateRoot) => Path.Combine(stateRoot, "learning", "clawlearn.json");

    /// <summary>The store location from the flag, the environment or the settings file; null for the default.</summary>
    /// <exception cref="ConfigException">The settings file is not valid JSON5, or its <c>db</c> is not a string.</exception>
    public static string? Resolve(string stateRoot, string? flag, Func<string, string?> environment)
    {
        if (flag is { Length: > 0 }) return flag;
        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        var file = FilePath(stateRoot);
        if (!File.Exists(file)) return null;
        var root = Json5Reader.Parse(File.ReadAllText(file), file);
        if (root is not JsonObject settings) throw new ConfigException(file, 0, 0, "expected an object like { \"db\": \"postgres://…\" }");
        return settings["db"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var db) && db.Length > 0 => db,
            _ => throw new ConfigException(file, 0, 0, "\"db\" must be a non-empty string: a SQLite file or a postgres:// URL"),
        };
    }
}
