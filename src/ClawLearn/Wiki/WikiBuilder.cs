using ClawLearn.StateDir;

namespace ClawLearn.Wiki;

/// <summary>
/// <c>clawlearn wiki</c>: reads what changed in the state directory, rebuilds the page plan, and writes only the pages
/// whose content changed, then <c>index.md</c>, <c>log.md</c>, <c>hot.md</c>, <c>.manifest.json</c> and the cache. A run
/// in which no source and no page changed writes nothing at all and says so.
/// </summary>
public sealed class WikiBuilder(StateDirectory state, string home, WikiOptions options)
{
    private const string OrphanNote = "*No OpenClaw source feeds this page any more; your notes outside the markers are kept.*\n";

    public WikiResult Run(Action<int, int, string>? progress = null)
    {
        var vault = Path.GetFullPath(options.VaultPath);
        var problems = new List<string>();
        var paths = new SourcePaths(state.Root, home);
        var manifest = ManifestFile.Read(vault, problems);
        var full = options.Full || manifest is null;
        // Read even with --full: the reader re-reads every selected agent and carries only the others over, so
        // "--full --agent X" rebuilds X without dropping (and then deleting the pages of) every other agent.
        var cache = CacheFile.Read(vault);
        var cacheMissing = cache.Agents.Count == 0;
        var agents = state.Agents.Where(a => options.AgentId is null || a.Id == options.AgentId).ToList();
        var read = new WikiReader(state, paths, cache, manifest, full, options.LearningStore).Read(agents, progress);
        problems.AddRange(read.Problems);
        var (reserved, kept) = Names(vault, cache.Pages);
        var plan = PagePlanner.Plan(read.Cache, reserved, kept);

        var writes = new List<(string Path, string Text, PageWrite Write)>();
        foreach (var page in plan.Pages)
        {
            var (text, write) = PageRenderer.Render(page, VaultFiles.ReadText(Path.Combine(vault, page.Path)), options.Now, options.Full);
            writes.Add((page.Path, text, write));
        }
        foreach (var (path, _, _) in writes.Where(w => w.Write == PageWrite.BrokenMarkers))
            problems.Add($"{path}: a clawlearn:begin marker without its clawlearn:end marker (or the reverse); the page was left untouched. " +
                "Put the missing marker back (or remove both) and run again.");
        var planned = plan.Pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var removals = Removals(vault, planned, cache.Pages);
        var entries = IndexEntries(vault, plan, removals);
        var index = IndexFile.Render(entries, options.Now);
        var indexPath = Path.Combine(vault, VaultLayout.Index);
        var indexChanged = IndexFile.WithoutStamp(index) != IndexFile.WithoutStamp(VaultFiles.ReadText(indexPath));
        var created = writes.Where(w => w.Write == PageWrite.Created).Select(w => w.Path).ToList();
        var updated = writes.Where(w => w.Write == PageWrite.Updated).Select(w => w.Path).ToList();
        var removed = removals.Select(r => r.Path).ToList();
        var deleted = removals.Where(r => r.KeepText is null).Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var generated = planned.Concat(cache.Pages.Where(p => !deleted.Contains(p) && File.Exists(Path.Combine(vault, p))))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var newCache = read.Cache with { Pages = generated };
        var sourcesChanged = read.Sources.Any(s => s.Changed) || read.Deleted.Count > 0;

        if (!full && created.Count == 0 && updated.Count == 0 && removed.Count == 0 && !sourcesChanged && !indexChanged)
        {
            // The cache is this tool's own memory, not part of the wiki: it is written again only if it went missing.
            if (cacheMissing) CacheFile.Write(vault, CacheFile.Serialize(newCache));
            // Touched sources (newer time, same content) get their new size and time recorded, or every later run
            // would find them touched again and hash (or, for notes, re-read) them again.
            var touched = read.Sources.Where(s => s.Status == DeltaStatus.Touched).ToList();
            if (manifest is not null && touched.Count > 0)
            {
                foreach (var s in touched)
                {
                    if (manifest.Sources.GetValueOrDefault(s.Source.Key) is { } entry) (entry.SizeBytes, entry.ModifiedAt) = (s.SizeBytes, s.ModifiedAt);
                }
                ManifestFile.Write(vault, manifest);
            }
            return Result(vault, full, true, read, [], [], [], entries.Count, problems);
        }

        foreach (var (path, text, _) in writes.Where(w => w.Write is PageWrite.Created or PageWrite.Updated)) VaultFiles.Write(Path.Combine(vault, path), text);
        foreach (var (path, keepText) in removals)
        {
            if (keepText is null) VaultFiles.Delete(vault, path);
            else VaultFiles.Write(Path.Combine(vault, path), keepText);
        }
        VaultFiles.Write(indexPath, index);
        var changed = read.Sources.Where(s => s.Changed || full).ToList();
        var log = LogFile.IngestLine(options.Now, changed.Any(s => s.Source.Type == SourceTypes.Memory),
            changed.Count(s => s.Source.Type == SourceTypes.DailyNote), changed.Count(s => s.Source.Type == SourceTypes.Session),
            updated.Count, created.Count, full);
        var logPath = Path.Combine(vault, VaultLayout.Log);
        VaultFiles.Write(logPath, LogFile.Append(VaultFiles.ReadText(logPath), log));
        var hotPath = Path.Combine(vault, VaultLayout.Hot);
        VaultFiles.Write(hotPath, HotFile.Render(VaultFiles.ReadText(hotPath), Activity(options.Now, created.Count, updated.Count, removed.Count, changed, full), plan, options.Now));
        ManifestFile.Write(vault, ManifestUpdate.Apply(manifest, read, plan, created.ToHashSet(StringComparer.Ordinal), updated.ToHashSet(StringComparer.Ordinal),
            removed, entries.Count, paths, options.Now, full));
        CacheFile.Write(vault, CacheFile.Serialize(newCache));
        return Result(vault, full, false, read, created, updated, removed, entries.Count, problems);
    }

    // Basenames of the user's own pages (no markers at all), which generated pages must not take or share, and the
    // pages this tool generated before that still have their markers, which keep their paths.
    private static (List<string> Reserved, HashSet<string> Kept) Names(string vault, IReadOnlyList<string> generated)
    {
        var reserved = new List<string>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var ours = generated.ToHashSet(StringComparer.Ordinal);
        foreach (var path in VaultLayout.Pages(vault))
        {
            var file = PageFile.Parse(VaultFiles.ReadText(Path.Combine(vault, path))!);
            if (!file.HasMarkers && !file.BrokenMarkers) reserved.Add(PageNames.LinkName(path));
            else if (ours.Contains(path)) kept.Add(path);
        }
        return (reserved, kept);
    }

    // Pages this tool generated (the cache's record, never merely a page with markers: a copy the user made has them
    // too) that nothing produces any more: deleted, or, when the user wrote in them, kept with a note.
    private List<(string Path, string? KeepText)> Removals(string vault, HashSet<string> planned, IEnumerable<string> recorded)
    {
        var result = new List<(string, string?)>();
        foreach (var path in recorded.Where(p => !planned.Contains(p) && VaultLayout.IsPage(p)).Order(StringComparer.Ordinal))
        {
            if (VaultFiles.ReadText(Path.Combine(vault, path)) is not { } text) continue;
            var file = PageFile.Parse(text);
            if (!file.HasMarkers || file.Generated == OrphanNote) continue;
            if (!file.HasUserText) { result.Add((path, null)); continue; }
            file.Frontmatter?.Set("updated", [$"updated: {WikiDates.Iso(options.Now)}"]);
            result.Add((path, (file with { Generated = OrphanNote }).Render()));
        }
        return result;
    }

    // The index after this run: planned pages as planned, every other page (the user's, other tools') as it is on disk.
    private static List<IndexEntry> IndexEntries(string vault, WikiPlan plan, List<(string Path, string? KeepText)> removals)
    {
        var gone = removals.Where(r => r.KeepText is null).Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var entries = plan.Pages.Select(p => new IndexEntry(p.Path, Redactor.Redact(p.Summary), p.Tags)).ToList();
        var planned = plan.Pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in VaultLayout.Pages(vault).Where(p => !planned.Contains(p) && !gone.Contains(p)))
            entries.Add(IndexEntry.FromFile(path, VaultFiles.ReadText(Path.Combine(vault, path))!));
        return entries;
    }

    private static string Activity(DateTimeOffset now, int created, int updated, int removed, List<SourceState> changed, bool full)
    {
        var kinds = changed.GroupBy(s => s.Source.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {Describe(g.Key, g.Count())}");
        var from = changed.Count > 0 ? $" from {string.Join(", ", kinds)}" : "";
        return $"- [{WikiDates.Iso(now)}] OpenClaw history distilled ({(full ? "full rebuild" : "changes only")}): {created} pages created, {updated} updated, {removed} removed{from}";
    }

    private static string Describe(string type, int count) => type switch
    {
        SourceTypes.Memory => count == 1 ? "memory file" : "memory files",
        SourceTypes.DailyNote => count == 1 ? "note" : "notes",
        SourceTypes.Dreams => "DREAMS.md",
        SourceTypes.SessionIndex => count == 1 ? "session index" : "session indexes",
        _ => count == 1 ? "session" : "sessions",
    };

    private static WikiResult Result(string vault, bool full, bool nothing, WikiReadResult read, List<string> created, List<string> updated, List<string> removed,
        int pages, List<string> problems) =>
        new(vault, full, nothing, read.Sources, read.Deleted, read.SessionsRead, created, updated, removed, pages, problems);
}
