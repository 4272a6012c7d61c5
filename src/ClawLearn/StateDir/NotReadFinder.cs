using ClawLearn.Sessions;

namespace ClawLearn.StateDir;

/// <summary>
/// Lists what ClawLearn deliberately leaves alone, so a user can see the privacy boundary at work: forbidden
/// files and folders, operational folders that hold no history, and archives not asked for. Only names are
/// looked at; forbidden folders are never entered.
/// </summary>
public static class NotReadFinder
{
    private static readonly Dictionary<string, string> OperationalFolders = new(StringComparer.Ordinal)
    {
        ["logs"] = "operational logs, not history",
        ["sandboxes"] = "sandboxes, not history",
        ["cron"] = "cron state, not history",
        ["extensions"] = "extensions, not history",
        ["hooks"] = "hooks, not history",
        ["media"] = "media files, not history",
        ["skills"] = "managed skills, not history",
    };

    public static IReadOnlyList<NotReadEntry> Find(StateDirectory state, bool includeArchived)
    {
        var result = new List<NotReadEntry>();
        var root = state.Root;
        foreach (var entry in Sorted(Directory.EnumerateFileSystemEntries(root)))
        {
            var name = Path.GetFileName(entry);
            var isDir = Directory.Exists(entry);
            if (PrivacyBoundary.ForbiddenReason(root, isDir ? Path.Combine(entry, "x") : entry) is { } reason)
                result.Add(new NotReadEntry(isDir ? name + "/" : name, reason));
            else if (isDir && OperationalFolders.TryGetValue(name, out var why))
                result.Add(new NotReadEntry(name + "/", why));
        }

        var memory = Path.Combine(root, "memory");
        if (Directory.Exists(memory)) AddForbiddenFiles(state, memory, result);

        foreach (var agent in state.Agents)
        {
            var agentDir = Path.GetDirectoryName(agent.SqlitePath)!;
            if (Directory.Exists(agentDir)) AddForbiddenFiles(state, agentDir, result);
            foreach (var sessions in new[] { agent.SessionsDir, agent.Id == Config.AgentIds.Main ? Path.Combine(root, "sessions") : null })
            {
                if (sessions is null || !Directory.Exists(sessions)) continue;
                AddForbiddenFiles(state, sessions, result);
                if (includeArchived) continue;
                foreach (var file in Sorted(Directory.EnumerateFiles(sessions)))
                {
                    if (state.Files.IsAllowed(file) && TranscriptFileName.Parse(Path.GetFileName(file)) is { ArchiveKind: { } kind })
                        result.Add(new NotReadEntry(state.Relative(file), $"{kind} archive (read with --include-archived)"));
                }
            }
        }
        return result.DistinctBy(e => e.RelativePath).ToList();
    }

    private static void AddForbiddenFiles(StateDirectory state, string dir, List<NotReadEntry> result)
    {
        foreach (var file in Sorted(Directory.EnumerateFiles(dir)))
        {
            if (PrivacyBoundary.ForbiddenReason(state.Root, file) is { } reason)
                result.Add(new NotReadEntry(state.Relative(file), reason));
        }
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.Order(StringComparer.Ordinal);
}
