using System.Globalization;
using ClawLearn.StateDir;

namespace ClawLearn.Workspace;

/// <summary>
/// Reads an agent workspace: bootstrap files (with OpenClaw's truncation), MEMORY.md (or memory.md) split into
/// sections, daily notes <c>memory/YYYY-MM-DD.md</c>, other notes under <c>memory/**</c>, and DREAMS.md.
/// Bootstrap files are small by construction (they are injected into every prompt), so they are read whole.
/// </summary>
public static class WorkspaceReader
{
    public static AgentWorkspace Read(string path, int bootstrapMaxChars, SafeFileAccess files)
    {
        if (!Directory.Exists(path)) return AgentWorkspace.Missing(path);

        var present = new List<BootstrapFile>();
        var missing = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in BootstrapFileNames.InPriorityOrder)
        {
            var filePath = System.IO.Path.Combine(path, name);
            // Exact-case match: on a case-insensitive disk MEMORY.md and memory.md are one file, injected once.
            if (!ExistsWithExactName(path, name))
            {
                if (!BootstrapFileNames.IsMemoryFile(name)) missing.Add(name);
                continue;
            }
            if (!files.IsAllowed(filePath)) continue;
            // As Node reads it: a byte order mark stays in the text and counts as a character.
            var text = files.ReadAllText(filePath, keepByteOrderMark: true);
            texts[name] = text;
            var content = BootstrapTruncation.Apply(text, name, bootstrapMaxChars);
            if (content.RawChars == 0) continue; // empty after trimming: OpenClaw skips the file entirely
            present.Add(new BootstrapFile(name, filePath, PriorityOf(name), content));
        }

        var memory = present.FirstOrDefault(f => f.Name == "MEMORY.md") ?? present.FirstOrDefault(f => f.Name == "memory.md");
        var sections = memory is null
            ? []
            : MemorySections.Split(memory.Content, BootstrapTruncation.JsTrimEnd(texts[memory.Name]));

        var (daily, other) = ReadMemoryFolder(path, files);
        var dreams = System.IO.Path.Combine(path, "DREAMS.md");
        return new AgentWorkspace(path, true, present, missing, memory, sections, daily, other,
            File.Exists(dreams) ? dreams : null);
    }

    /// <summary>Seed priorities: AGENTS 10 … TOOLS 50, HEARTBEAT 55, BOOTSTRAP 60, MEMORY.md 70, memory.md 71.</summary>
    public static int PriorityOf(string name) => name switch
    {
        "AGENTS.md" => 10,
        "SOUL.md" => 20,
        "IDENTITY.md" => 30,
        "USER.md" => 40,
        "TOOLS.md" => 50,
        "HEARTBEAT.md" => 55,
        "BOOTSTRAP.md" => 60,
        "MEMORY.md" => 70,
        "memory.md" => 71,
        _ => 100,
    };

    private static bool ExistsWithExactName(string dir, string name) =>
        Directory.EnumerateFiles(dir, name).Any(f => System.IO.Path.GetFileName(f) == name);

    private static (List<DailyNote>, List<string>) ReadMemoryFolder(string workspace, SafeFileAccess files)
    {
        var memoryDir = System.IO.Path.Combine(workspace, "memory");
        var daily = new List<DailyNote>();
        var other = new List<string>();
        if (!Directory.Exists(memoryDir)) return (daily, other);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(memoryDir, "*.md", options))
        {
            if (!files.IsAllowed(file)) continue;
            var relative = System.IO.Path.GetRelativePath(memoryDir, file).Replace('\\', '/');
            if (!relative.Contains('/') && DateOnly.TryParseExact(relative[..^3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                daily.Add(new DailyNote(date, file, new FileInfo(file).Length));
            else
                other.Add(relative);
        }
        daily.Sort((a, b) => a.Date.CompareTo(b.Date));
        other.Sort(StringComparer.Ordinal);
        return (daily, other);
    }
}
