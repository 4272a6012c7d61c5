using System.Text.Json;

namespace ClawLearn.Wiki;

/// <summary>Reads and writes the extraction cache; a missing, unreadable or older cache is simply empty.</summary>
public static class CacheFile
{
    public static WikiCache Read(string vault)
    {
        var text = VaultFiles.ReadText(Path.Combine(vault, VaultLayout.Cache));
        if (text is null) return WikiCache.Empty();
        try
        {
            var cache = JsonSerializer.Deserialize(text, WikiCacheJsonContext.Default.WikiCache);
            return cache is { Version: WikiCache.CurrentVersion } ? cache : WikiCache.Empty();
        }
        catch (JsonException)
        {
            return WikiCache.Empty();
        }
    }

    public static string Serialize(WikiCache cache) => JsonSerializer.Serialize(cache, WikiCacheJsonContext.Default.WikiCache);

    public static void Write(string vault, string json) => VaultFiles.Write(Path.Combine(vault, VaultLayout.Cache), json);
}
