namespace ClawLearn.Wiki;

/// <summary>
/// A monthly journal (<c>journal/yyyy-MM.md</c>) from daily notes: the three most recent months (counted back from the
/// newest note) day by day, older months summarised in bulk as topics and the days they came up (the seed: old notes
/// have sharply diminishing signal). Hook session summaries appear by name only; DREAMS.md reflections by date.
/// </summary>
public static class JournalPages
{
    public const int DetailedMonths = 3;
    private const int LinesPerSection = 3;

    public static IEnumerable<string> Months(WikiModel model, TopicMap map) =>
        model.Dailies.Concat(model.SessionSummaries).Select(d => d.Date).OfType<DateOnly>().Select(WikiDates.Month)
            .Concat(map.Reflections.Select(r => r.Date).OfType<DateOnly>().Select(WikiDates.Month))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public static WikiPage Build(string month, PageContext ctx)
    {
        var path = ctx.PathOf($"journal:{month}")!;
        var model = ctx.Model;
        var notes = model.Dailies.Where(d => d.Date is { } day && WikiDates.Month(day) == month).ToList();
        var hooks = model.SessionSummaries.Where(d => d.Date is { } day && WikiDates.Month(day) == month).ToList();
        var reflections = ctx.Map.Reflections.Where(r => r.Date is { } d && WikiDates.Month(d) == month).ToList();
        var parts = notes.SelectMany(n => n.Outline.Sections.Select(s => new NotePart(n, s))).ToList();
        var detailed = model.NewestNote is { } newest && string.CompareOrdinal(month, WikiDates.Month(newest.AddMonths(1 - DetailedMonths))) >= 0;
        var topics = parts.GroupBy(p => PageNames.Slug(p.Section!.Heading), StringComparer.Ordinal)
            .Select(g => (Name: Heading(g.First()), Parts: g.ToList(), Days: g.Select(p => p.Date).Distinct().Count()))
            .OrderByDescending(t => t.Days).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var agents = notes.Concat(hooks).Select(n => n.AgentId).Distinct(StringComparer.Ordinal).ToList();
        var dates = notes.Concat(hooks).Select(n => n.Date!.Value).Order().ToList();
        var about = topics.Count == 0 ? "" : " about " + string.Join(", ", topics.Take(4).Select(t => t.Name)) + (topics.Count > 4 ? " and more" : "");
        var summary = dates.Count > 0
            ? $"{WikiDates.MonthName(month)}: {PageBody.Count(notes.Count, "daily note")} of {string.Join(", ", agents)} ({WikiDates.Day(dates[0])} to {WikiDates.Day(dates[^1])}){about}."
            : $"{WikiDates.MonthName(month)}: reflections from DREAMS.md.";

        var body = new PageBody().Heading(1, WikiDates.MonthName(month)).Paragraph(PageBody.Inline(summary));
        if (detailed) Days(body, notes, hooks, ctx);
        else Topics(body, topics, hooks, ctx);
        if (reflections.Count > 0)
        {
            body.Heading(2, "Reflections");
            foreach (var r in reflections)
                body.Claim($"{WikiDates.Day(r.Date!.Value)}{PageBody.Inline(model.AgentSuffix(r.AgentId))}: {PageBody.Inline(r.Text)}", ClaimKind.Inferred);
            body.EndList();
        }

        var sources = notes.Concat(hooks).OrderByDescending(n => n.Date).Select(n => n.Ref).Concat(reflections.Select(r => r.Ref)).Distinct().ToList();
        var months = JournalPages.Months(model, ctx.Map).ToList();
        var index = months.IndexOf(month);
        var related = new List<(string, string)>();
        if (index > 0 && ctx.PathOf($"journal:{months[index - 1]}") is { } previous) related.Add((previous, "the month before"));
        if (index + 1 < months.Count && ctx.PathOf($"journal:{months[index + 1]}") is { } next) related.Add((next, "the month after"));
        related.AddRange(agents.Select(a => ctx.SessionsPath(a)).OfType<string>().Select(p => (p, "the agent's sessions")));
        if (ctx.HealthPath is { } health) related.Add((health, "what memory costs in every prompt"));
        var text = PageContext.Finish(body, sources, related);
        return new WikiPage(path, WikiDates.MonthName(month), "journal", ["openclaw", "journal"], sources, PageContext.Summary(summary), text, body.Provenance);
    }

    private static void Days(PageBody body, List<WorkspaceDoc> notes, List<WorkspaceDoc> hooks, PageContext ctx)
    {
        body.Heading(2, "Days");
        foreach (var day in notes.Concat(hooks).GroupBy(n => n.Date!.Value).OrderBy(g => g.Key))
        {
            body.Heading(3, WikiDates.Day(day.Key));
            foreach (var note in day.Where(n => n.Kind == NoteKind.Daily))
            {
                var suffix = PageBody.Inline(ctx.Model.AgentSuffix(note.AgentId));
                foreach (var line in note.Outline.Preamble.Take(LinesPerSection)) body.Claim(PageBody.Inline(line) + suffix);
                foreach (var section in note.Outline.Sections)
                {
                    var part = new NotePart(note, section);
                    var lines = PageBody.Join(part.Lines.Take(LinesPerSection).Select(PageBody.Inline));
                    var more = part.Lines.Count > LinesPerSection ? $" (and {part.Lines.Count - LinesPerSection} more)" : "";
                    body.Claim($"**{TopicLink(body, part, ctx)}**{suffix}: {lines}{more}");
                }
            }
            foreach (var hook in day.Where(n => n.Kind == NoteKind.SessionSummary))
                body.Bullet($"A session summary was saved as \"{PageBody.Inline(hook.Name.Replace('-', ' '))}\"{PageBody.Inline(ctx.Model.AgentSuffix(hook.AgentId))} (its conversation is not copied here)");
        }
        body.EndList();
    }

    private static void Topics(PageBody body, List<(string Name, List<NotePart> Parts, int Days)> topics, List<WorkspaceDoc> hooks, PageContext ctx)
    {
        body.Heading(2, "Topics");
        foreach (var (_, parts, days) in topics)
        {
            var dates = string.Join(", ", parts.Select(p => WikiDates.Day(p.Date)).Distinct());
            body.Claim($"{TopicLink(body, parts[0], ctx)}: {PageBody.Count(days, "day")} ({dates})");
        }
        if (hooks.Count > 0) body.Bullet($"{hooks.Count} session summar" + (hooks.Count == 1 ? "y was" : "ies were") + " saved (not copied here)");
        body.EndList();
    }

    // The topic's name, linked to the page the section feeds when there is one.
    private static string TopicLink(PageBody body, NotePart part, PageContext ctx)
    {
        var name = Heading(part);
        return ctx.Map.RoutesOf(part).Select(ctx.PathOf).OfType<string>().FirstOrDefault() is { } page ? body.Link(page, name) : PageBody.Inline(name);
    }

    private static string Heading(NotePart part)
    {
        var heading = part.Section?.Heading ?? "notes";
        return heading.StartsWith("Session:", StringComparison.OrdinalIgnoreCase) ? heading[8..].Trim() : heading;
    }
}
