using System.Text.Json;

namespace ClawLearn.Wiki;

/// <summary>Reads and writes <c>.manifest.json</c>; a missing or unreadable manifest means a full run (B7).</summary>
public static class ManifestFile
{
    public static Manifest? Read(string vault, List<string> problems)
    {
        var text = VaultFiles.ReadText(Path.Combine(vault, VaultLayout.Manifest));
        if (text is null) return null;
        try
        {
            return JsonSerializer.Deserialize(text, WikiJsonContext.Default.Manifest);
        }
        catch (JsonException e)
        {
            problems.Add($"{VaultLayout.Manifest} could not be read ({e.Message}); rebuilding in full");
            return null;
        }
    }

    public static void Write(string vault, Manifest manifest) =>
        VaultFiles.Write(Path.Combine(vault, VaultLayout.Manifest), JsonSerializer.Serialize(manifest, WikiJsonContext.Default.Manifest) + "\n");
}
