namespace ClawLearn.Wiki;

/// <summary>
/// One page per project (<c>projects/&lt;name&gt;/&lt;name&gt;.md</c>, category <c>project</c> with a <c>source_path</c>,
/// B4): what MEMORY.md and the project note say, a timeline from daily notes, the sessions that worked on it with what
/// their runs did (see <see cref="Conclusion"/>), DREAMS.md reflections, and the tools those sessions used.
/// </summary>
public static class ProjectPages
{
    private const int MaxSessions = 15;

    public static WikiPage Build(ProjectSpec project, PageContext ctx)
    {
        var path = ctx.PathOf($"project:{project.Slug}")!;
        var body = new PageBody().Heading(1, project.Title);
        var sessions = project.Sessions.OrderByDescending(s => s.LastMs ?? s.FirstMs ?? 0).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var days = project.Daily.Select(d => d.Date).Distinct().Order().ToList();
        var times = days.Select(d => d.ToDateTime(TimeOnly.MinValue)).Concat(sessions.SelectMany(s => new[] { s.FirstMs, s.LastMs })
            .OfType<long>().Select(WikiDates.Utc)).Order().ToList();
        var span = times.Count > 0 ? $", {PageBody.Span($"{times[0]:yyyy-MM-dd}", $"{times[^1]:yyyy-MM-dd}")}" : "";
        var summary = $"Project {project.Title}: from {Parts(project)}{span}.";
        body.Paragraph(PageBody.Inline(summary));

        body.Heading(2, "Key Ideas");
        foreach (var part in project.Memory)
            PageContext.Lines(body, part.Section.AllLines.ToList(), $"MEMORY.md{ctx.Model.AgentSuffix(part.AgentId)}");
        foreach (var note in project.Notes)
            PageContext.Lines(body, note.Outline.AllLines, $"memory/projects/{note.Name}.md");
        if (project.Memory.Count == 0 && project.Notes.Count == 0) body.Paragraph("Nothing in memory yet; this project is known from its notes and sessions.");

        if (project.Daily.Count > 0)
        {
            body.Heading(2, "Timeline");
            foreach (var part in project.Daily.OrderByDescending(p => p.Date).Take(PageContext.MaxLines))
            {
                var month = ctx.JournalPath(part.Date) is { } j ? $" ({body.Link(j)})" : "";
                body.Claim($"{WikiDates.Day(part.Date)}{month}: {PageBody.Inline(PageBody.Join(part.Lines.Take(3)))}");
            }
            body.EndList();
        }
        if (sessions.Count > 0) Sessions(body, sessions, ctx);
        if (project.Reflections.Count > 0)
        {
            body.Heading(2, "Reflections");
            foreach (var r in project.Reflections)
                body.Claim((r.Date is { } d ? $"{WikiDates.Day(d)}: " : "") + PageBody.Inline(r.Text), ClaimKind.Inferred);
            body.EndList();
        }
        var open = sessions.SelectMany(s => s.Conclusions.Where(c => c.Ambiguous)).ToList();
        if (open.Count > 0)
        {
            body.Heading(2, "Open Questions");
            foreach (var c in open) body.Claim(PageBody.Inline(c.Text), ClaimKind.Ambiguous);
            body.EndList();
        }
        var tools = Tools(body, sessions, ctx);

        var sources = project.Memory.Select(m => m.Ref).Concat(project.Notes.Select(n => n.Ref))
            .Concat(project.Daily.OrderByDescending(d => d.Date).Select(d => d.Note.Ref))
            .Concat(project.Reflections.Select(r => r.Ref)).Concat(sessions.Select(s => s.Ref)).Distinct().ToList();
        var related = project.Topics.Select(t => ctx.PathOf($"topic:{t}")).OfType<string>().Select(p => (p, "the memory section that lists it")).ToList();
        related.AddRange(sessions.Select(s => s.AgentId).Distinct().Select(a => ctx.SessionsPath(a)).OfType<string>().Select(p => (p, "all sessions")));
        related.AddRange(tools.Take(3).Select(t => (t, "a tool its sessions used")));
        if (ctx.HealthPath is { } health) related.Add((health, "what memory costs in every prompt"));
        var text = PageContext.Finish(body, sources, related);
        return new WikiPage(path, project.Title, "project", ["openclaw", "project"], sources, PageContext.Summary(summary), text, body.Provenance,
            SourcePath: project.Memory.FirstOrDefault()?.Ref ?? project.Notes.FirstOrDefault()?.Ref ?? sources.FirstOrDefault());
    }

    private static string Parts(ProjectSpec p)
    {
        var parts = new List<string>();
        if (p.Memory.Count > 0) parts.Add("MEMORY.md");
        if (p.Notes.Count > 0) parts.Add(PageBody.Count(p.Notes.Count, "project note"));
        var days = p.Daily.Select(d => d.Date).Distinct().Count();
        if (days > 0) parts.Add(PageBody.Count(days, "daily note"));
        if (p.Sessions.Count > 0) parts.Add(PageBody.Count(p.Sessions.Count, "session"));
        if (p.Reflections.Count > 0) parts.Add("DREAMS.md");
        return PageBody.List(parts);
    }

    private static void Sessions(PageBody body, List<SessionFacts> sessions, PageContext ctx)
    {
        body.Heading(2, "Sessions");
        foreach (var s in sessions.Take(MaxSessions))
        {
            var when = s.LastMs is { } ms ? WikiDates.Day(ms) : "undated";
            var where = ctx.SessionsPath(s.AgentId) is { } p ? $", {body.Link(p)}" : "";
            var gist = s.Conclusions.LastOrDefault(c => !c.Ambiguous);
            var line = $"{when}, \"{PageBody.Inline(s.DisplayName)}\" ({s.Label.Channel ?? "no channel"}, {s.Label.Kind}{where})";
            if (gist is null) body.Claim(line);
            else body.Claim($"{line}: {PageBody.Inline(gist.Text)}", ClaimKind.Inferred);
        }
        if (sessions.Count > MaxSessions) body.Bullet($"… and {sessions.Count - MaxSessions} earlier sessions");
        body.EndList();
    }

    private static List<string> Tools(PageBody body, List<SessionFacts> sessions, PageContext ctx)
    {
        var tools = sessions.SelectMany(s => s.Tools).GroupBy(t => t.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Runs: g.Sum(t => t.Runs))).OrderByDescending(t => t.Runs).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var paths = new List<string>();
        if (tools.Count == 0) return paths;
        body.Heading(2, "Tools used");
        foreach (var (name, runs) in tools)
        {
            if (ctx.PathOf($"tool:{name}") is not { } p) continue;
            body.Claim($"{body.Link(p, name)}: {PageBody.Count(runs, "run")}");
            paths.Add(p);
        }
        body.EndList();
        return paths;
    }
}
