using System.Text.Json;

namespace ClawLearn.Wiki;

/// <summary>
/// Reads and writes <c>.manifest.json</c>; a missing or unreadable manifest means a full run (B7). Other tools write
/// this file too, so valid JSON of an odd shape is expected: nulls where objects, lists or strings belong are
/// normalised, and anything else that fails is a corrupt manifest (a warning and a full rebuild), never a crash.
/// </summary>
public static class ManifestFile
{
    public static Manifest? Read(string vault, List<string> problems)
    {
        var text = VaultFiles.ReadText(Path.Combine(vault, VaultLayout.Manifest));
        if (text is null) return null;
        try
        {
            return JsonSerializer.Deserialize(text, WikiJsonContext.Default.Manifest) is { } manifest ? Normalise(manifest) : Corrupt(problems, "it is null");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Corrupt(problems, e.Message);
        }
    }

    public static void Write(string vault, Manifest manifest) =>
        VaultFiles.Write(Path.Combine(vault, VaultLayout.Manifest), JsonSerializer.Serialize(manifest, WikiJsonContext.Default.Manifest) + "\n");

    private static Manifest? Corrupt(List<string> problems, string why)
    {
        problems.Add($"{VaultLayout.Manifest} could not be read ({why}); rebuilding in full");
        return null;
    }

    // JSON null deserialises into properties the types declare non-null; every later step relies on them being set.
    private static Manifest Normalise(Manifest m)
    {
        m.Sources = (m.Sources ?? []).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => Normalise(p.Value));
        m.Projects = (m.Projects ?? []).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
        foreach (var project in m.Projects.Values)
        {
            project.SourcePath ??= "";
            project.VaultPath ??= "";
            project.LastIngested ??= "";
        }
        m.Stats ??= new ManifestStats();
        if (m.Openclaw is { } openclaw)
        {
            openclaw.SourcePath ??= "";
            openclaw.LastIngested ??= "";
        }
        return m;
    }

    private static ManifestSource Normalise(ManifestSource s)
    {
        s.IngestedAt ??= "";
        s.ModifiedAt ??= "";
        s.ContentHash ??= "";
        s.SourceType ??= "";
        s.PagesCreated = (s.PagesCreated ?? []).Where(p => p is not null).ToList();
        s.PagesUpdated = (s.PagesUpdated ?? []).Where(p => p is not null).ToList();
        return s;
    }
}
