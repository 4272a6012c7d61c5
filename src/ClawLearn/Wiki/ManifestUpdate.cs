namespace ClawLearn.Wiki;

/// <summary>
/// Brings <c>.manifest.json</c> up to date after a run (B3, B8 step 8): per source the hash, size, time and the pages it
/// fed that were created or updated this run (lists); projects; stats; and the <c>openclaw</c> block (integers).
/// Entries and fields of other tools are left as they are.
/// </summary>
public static class ManifestUpdate
{
    public static Manifest Apply(Manifest? previous, WikiReadResult read, WikiPlan plan, IReadOnlySet<string> created, IReadOnlySet<string> updated,
        IReadOnlyCollection<string> removed, int totalPages, SourcePaths paths, DateTimeOffset now, bool full)
    {
        var stamp = WikiDates.Iso(now);
        var manifest = previous ?? new Manifest();
        var fed = plan.Pages.SelectMany(p => p.AllSources.Select(s => (Source: s, Page: p.Path))).ToLookup(x => x.Source, x => x.Page, StringComparer.Ordinal);
        var projectOfRef = plan.Pages.Where(p => p.Category == "project").SelectMany(p => p.AllSources.Select(s => (s, p.Name)))
            .GroupBy(x => x.s).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First().Name : null, StringComparer.Ordinal);
        foreach (var key in read.Deleted) manifest.Sources.Remove(key);
        foreach (var state in read.Sources)
        {
            var prev = manifest.Sources.GetValueOrDefault(state.Source.Key);
            if (prev is not null && !state.Changed && !full)
            {
                (prev.SizeBytes, prev.ModifiedAt) = (state.SizeBytes, state.ModifiedAt); // touched: same content, newer time
                continue;
            }
            var pages = fed[state.Source.Ref].ToList();
            var entry = prev ?? new ManifestSource();
            entry.IngestedAt = stamp;
            entry.SizeBytes = state.SizeBytes;
            entry.ModifiedAt = state.ModifiedAt;
            entry.ContentHash = state.Hash;
            entry.SourceType = state.Source.Type;
            entry.AgentId = state.Source.AgentId;
            entry.Project = state.Source.Type == SourceTypes.Session ? null : projectOfRef.GetValueOrDefault(state.Source.Ref);
            entry.PagesCreated = pages.Where(created.Contains).ToList();
            entry.PagesUpdated = pages.Where(updated.Contains).ToList();
            manifest.Sources[state.Source.Key] = entry;
        }
        manifest.Sources = manifest.Sources.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary();

        foreach (var gone in removed.Where(r => r.StartsWith("projects/", StringComparison.Ordinal)))
            manifest.Projects.Remove(gone.Split('/')[1]);
        foreach (var page in plan.Pages.Where(p => p.Category == "project"))
        {
            var prev = manifest.Projects.GetValueOrDefault(page.Name);
            var touched = created.Contains(page.Path) || updated.Contains(page.Path);
            manifest.Projects[page.Name] = new ManifestProject
            {
                SourcePath = page.SourcePath ?? "",
                VaultPath = Path.GetDirectoryName(page.Path)!.Replace('\\', '/'),
                LastIngested = touched || prev is null ? stamp : prev.LastIngested,
                Sessions = page.AllSources.Count(s => s.Contains("/sessions/", StringComparison.Ordinal) || s.Contains(".sqlite#", StringComparison.Ordinal)),
                DailyNotes = page.AllSources.Count(s => s.Contains("/memory/", StringComparison.Ordinal) && !s.Contains("/memory/projects/", StringComparison.Ordinal)),
                Extra = prev?.Extra,
            };
        }
        manifest.Projects = manifest.Projects.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary();

        manifest.Version = 1;
        manifest.LastUpdated = stamp;
        manifest.Stats.TotalSourcesIngested = manifest.Sources.Count;
        manifest.Stats.TotalPages = totalPages;
        manifest.Stats.TotalProjects = manifest.Projects.Count;
        if (full) manifest.Stats.LastFullRebuild = stamp;
        var memoryChanged = full || read.Sources.Any(s => s.Changed && s.Source.Type == SourceTypes.Memory);
        manifest.Openclaw ??= new ManifestOpenClaw();
        manifest.Openclaw.SourcePath = paths.StateDir;
        manifest.Openclaw.LastIngested = stamp;
        if (memoryChanged || manifest.Openclaw.MemoryUpdatedAt is null) manifest.Openclaw.MemoryUpdatedAt = stamp;
        manifest.Openclaw.DailyNotesIngested = manifest.Sources.Values.Count(s => s.SourceType == SourceTypes.DailyNote);
        manifest.Openclaw.SessionsIngested = manifest.Sources.Values.Count(s => s.SourceType == SourceTypes.Session);
        manifest.Openclaw.PagesCreated = created.Count;
        manifest.Openclaw.PagesUpdated = updated.Count;
        return manifest;
    }
}
