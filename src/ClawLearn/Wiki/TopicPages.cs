namespace ClawLearn.Wiki;

/// <summary>
/// One page per topic (<c>concepts/&lt;slug&gt;.md</c>): what MEMORY.md keeps under that <c>##</c> heading (all agents
/// that have it), notes of that name, and daily-note sections about it; a projects section lists its project pages.
/// </summary>
public static class TopicPages
{
    public static WikiPage Build(TopicSpec topic, PageContext ctx)
    {
        var path = ctx.PathOf($"topic:{topic.Slug}")!;
        var body = new PageBody().Heading(1, topic.Title);
        var agents = topic.Memory.Select(m => m.AgentId).Concat(topic.Notes.Select(n => n.AgentId)).Concat(topic.Daily.Select(d => d.Note.AgentId))
            .Distinct(StringComparer.Ordinal).ToList();
        var facts = topic.Memory.Sum(m => m.Section.AllLines.Count());
        var days = topic.Daily.Select(d => d.Date).Distinct().Order().ToList();
        var alsoDaily = topic.Daily.Count > 0 ? $", and daily notes on {PageBody.Count(days.Count, "day")}." : ".";
        var summary = topic.Recurring
            ? $"{topic.Title}: a daily-note topic on {PageBody.Count(days.Count, "day")}, {PageBody.Span(WikiDates.Day(days[0]), WikiDates.Day(days[^1]))}."
            : topic.Memory.Count > 0
                ? $"What the memory of {string.Join(", ", agents)} keeps about {topic.Title}: {PageBody.Count(facts, "line")}{alsoDaily}"
                : $"{topic.Title}: from {string.Join(", ", topic.Notes.Select(n => $"memory/{n.Name}.md"))}{alsoDaily}";
        body.Paragraph(PageBody.Inline(summary));

        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in topic.Memory)
        {
            if (topic.Memory.Count > 1) body.Heading(2, $"From {part.AgentId}'s memory");
            if (warned.Add(part.AgentId)) HiddenNote(body, part, topic, ctx);
            if (topic.Memory.Count == 1) body.Heading(2, "Key Ideas");
            PageContext.Lines(body, part.Section.Lines, "MEMORY.md");
            foreach (var child in part.Section.Children)
            {
                if (topic.Projects.Contains(PageNames.Slug(child.Heading)) && ctx.PathOf($"project:{PageNames.Slug(child.Heading)}") is { } project)
                {
                    var first = child.Lines.FirstOrDefault();
                    body.Claim(body.Link(project, child.Heading) + (first is null ? "" : $": {PageBody.Inline(first)}")).EndList();
                    continue;
                }
                body.Heading(3, child.Heading);
                PageContext.Lines(body, child.Lines, "MEMORY.md");
            }
        }
        foreach (var note in topic.Notes)
        {
            body.Heading(2, $"From memory/{note.Name}.md" + ctx.Model.AgentSuffix(note.AgentId));
            PageContext.Lines(body, note.Outline.AllLines, "the note");
        }
        if (topic.Daily.Count > 0) DailySection(body, topic.Daily, ctx);

        var sources = topic.Memory.Select(m => m.Ref).Distinct().Concat(topic.Notes.Select(n => n.Ref))
            .Concat(topic.Daily.OrderByDescending(d => d.Date).Select(d => d.Note.Ref)).Distinct().ToList();
        var related = new List<(string, string)>();
        foreach (var project in topic.Projects)
        {
            if (ctx.PathOf($"project:{project}") is { } p) related.Add((p, "a project listed here"));
        }
        if (ctx.HealthPath is { } health && topic.Memory.Count > 0) related.Add((health, "what this section costs in every prompt"));
        foreach (var month in days.Select(d => ctx.JournalPath(d)).OfType<string>().Distinct().TakeLast(3)) related.Add((month, "the journal of that month"));
        foreach (var agent in agents)
        {
            if (ctx.SessionsPath(agent) is { } s) related.Add((s, $"the sessions of {agent}"));
        }
        var text = PageContext.Finish(body, sources, related);
        return new WikiPage(path, topic.Title, "concepts", ["openclaw", topic.Recurring ? "daily-notes" : "memory", "topic"], sources,
            PageContext.Summary(summary), text, body.Provenance);
    }

    /// <summary>How many hidden sections the warning names before it only counts the rest.</summary>
    internal const int MaxHiddenNamed = 10;

    // Once per agent and topic, naming all of that agent's hidden sections on the topic: a MEMORY.md that repeats a
    // heading has one part per repeat, and a warning per part, each naming every repeat, grew with the square of them.
    private static void HiddenNote(PageBody body, MemoryPart part, TopicSpec topic, PageContext ctx)
    {
        var agent = ctx.Model.Agent(part.AgentId);
        var hidden = ctx.Map.HiddenOn(part.AgentId, $"topic:{topic.Slug}");
        if (hidden.Count == 0 || agent is null) return;
        var what = hidden.Count == 1 && hidden[0].ArmId.EndsWith(":main", StringComparison.Ordinal) && part.Section.Children.Count == 0
            ? "this section" : Names([.. hidden.Select(h => h.Heading)]);
        var health = ctx.HealthPath is { } h ? $" See {body.Link(h)}." : "";
        body.Paragraph($"> [!warning] Truncation hides {PageBody.Inline(what)}: {agent.MemoryFile} is longer than bootstrapMaxChars " +
            $"({PageBody.Count(agent.BootstrapMaxChars)}), so OpenClaw drops its middle and the model never sees it.{health}");
    }

    private static string Names(List<string> headings)
    {
        var named = string.Join(", ", headings.Take(MaxHiddenNamed).Select(h => $"\"{h}\""));
        return headings.Count > MaxHiddenNamed ? $"{named} and {PageBody.Count(headings.Count - MaxHiddenNamed, "more section")}" : named;
    }

    private static void DailySection(PageBody body, List<NotePart> parts, PageContext ctx)
    {
        body.Heading(2, "From daily notes");
        foreach (var part in parts.OrderByDescending(p => p.Date).Take(PageContext.MaxLines))
        {
            var month = ctx.JournalPath(part.Date) is { } j ? $" ({body.Link(j)})" : "";
            foreach (var line in part.Lines.Take(3))
                body.Claim($"{WikiDates.Day(part.Date)}{month}{PageBody.Inline(ctx.Model.AgentSuffix(part.Note.AgentId))}: {PageBody.Inline(line)}");
        }
        if (parts.Count > PageContext.MaxLines) body.Bullet($"… and {parts.Count - PageContext.MaxLines} earlier days in the journal");
        body.EndList();
    }
}
