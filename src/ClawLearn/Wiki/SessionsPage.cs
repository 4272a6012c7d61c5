namespace ClawLearn.Wiki;

/// <summary>
/// A sessions overview per agent (<c>references/sessions-&lt;agent&gt;.md</c>): totals, sessions, runs and tokens per
/// month and per channel, and the most recent sessions by name (from the session index), channel, kind, dates, runs,
/// tokens and tools. Statistics only: no conversation text appears here.
/// </summary>
public static class SessionsPage
{
    public const int RecentSessions = 50;

    public static WikiPage Build(AgentSnapshot agent, PageContext ctx)
    {
        var path = ctx.SessionsPath(agent.Id)!;
        var sessions = ctx.Model.SessionsOf(agent.Id).ToList();
        var times = sessions.SelectMany(s => new[] { s.FirstMs, s.LastMs }).OfType<long>().Order().ToList();
        var channels = sessions.Select(s => s.Label.Channel).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var span = times.Count > 0 ? $" from {WikiDates.Day(times[0])} to {WikiDates.Day(times[^1])}" : "";
        var summary = $"{PageBody.Count(sessions.Count, "session")} of agent {agent.Label}{span}: {PageBody.Count(sessions.Sum(s => s.Runs), "run")}, " +
            $"{PageBody.Count(Saturating.Sum(sessions, s => s.Tokens), "token")}" + (channels.Count > 0 ? $", on {string.Join(", ", channels)}." : ".");
        var body = new PageBody().Heading(1, $"Sessions of {agent.Label}").Paragraph(PageBody.Inline(summary));

        body.Heading(2, "By month");
        body.Table(["month", "sessions", "runs", "tokens"], sessions.GroupBy(s => s.Month ?? "undated", StringComparer.Ordinal)
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[ctx.PathOf($"journal:{g.Key}") is { } j ? body.CellLink(j) : g.Key, PageBody.Count(g.Count()),
                PageBody.Count(g.Sum(s => s.Runs)), PageBody.Count(Saturating.Sum(g, s => s.Tokens))]));
        body.Heading(2, "By channel");
        body.Table(["channel", "kind", "sessions", "runs", "tokens"], sessions.GroupBy(s => (Channel: s.Label.Channel ?? "none", s.Label.Kind))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Channel, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[g.Key.Channel, g.Key.Kind, PageBody.Count(g.Count()), PageBody.Count(g.Sum(s => s.Runs)), PageBody.Count(Saturating.Sum(g, s => s.Tokens))]));

        body.Heading(2, "Recent sessions");
        body.Table(["session", "channel", "kind", "first", "last", "runs", "tokens", "tools"], sessions.Take(RecentSessions).Select(s => (IReadOnlyList<string>)
        [
            s.DisplayName, s.Label.Channel ?? "", s.Label.Kind,
            s.FirstMs is { } f ? WikiDates.Day(f) : "", s.LastMs is { } l ? WikiDates.Day(l) : "",
            PageBody.Count(s.Runs), PageBody.Count(s.Tokens), Tools(body, s, ctx),
        ]));
        if (sessions.Count > RecentSessions) body.Paragraph($"… and {PageBody.Count(sessions.Count - RecentSessions)} earlier sessions (counted in the tables above).");
        ToolsAndSkills(body, sessions, ctx);

        var sources = (agent.IndexRef is { } index ? [index] : new List<string>()).Concat(sessions.Select(s => s.Ref)).ToList();
        var related = new List<(string, string)>();
        if (ctx.HealthPath is { } health) related.Add((health, "what each run's prompt costs, and what to prune"));
        var projects = sessions.SelectMany(s => s.Projects).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(p => ctx.PathOf($"project:{p}")).OfType<string>();
        related.AddRange(projects.Select(p => (p, "a project these sessions worked on")));
        related.AddRange(sessions.Select(s => s.Month).OfType<string>().Distinct().Order(StringComparer.Ordinal).TakeLast(2)
            .Select(m => ctx.PathOf($"journal:{m}")).OfType<string>().Select(p => (p, "the journal of that month")));
        var text = PageContext.Finish(body, sources, related);
        return new WikiPage(path, $"Sessions of {agent.Label}", "references", ["openclaw", "sessions"], sources, PageContext.Summary(summary), text,
            body.Provenance);
    }

    // Every tool and skill page this agent's sessions feed is linked from here, so none of them is an orphan.
    private static void ToolsAndSkills(PageBody body, List<SessionFacts> sessions, PageContext ctx)
    {
        var used = sessions.SelectMany(s => s.Tools.Select(t => (Key: $"tool:{t.Name}", t.Name, t.Runs)))
            .Concat(sessions.SelectMany(s => s.Skills.Select(t => (Key: $"skill:{t.Name}", t.Name, t.Runs))))
            .Concat(sessions.SelectMany(s => s.Label.ReportSkills.Select(n => (Key: $"skill:{n}", Name: n, Runs: 0))))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Name, Runs: g.Sum(x => x.Runs)))
            .OrderByDescending(x => x.Runs).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        if (used.Count == 0) return;
        body.Heading(2, "Tools and skills");
        foreach (var (key, name, runs) in used)
        {
            if (ctx.PathOf(key) is not { } page) continue;
            var what = key.StartsWith("skill:", StringComparison.Ordinal) ? "skill" : "tool";
            body.Claim($"{body.Link(page, name)} ({what}): " + (runs > 0 ? PageBody.Count(runs, "run") : "offered, never read"));
        }
        body.EndList();
    }

    private static string Tools(PageBody body, SessionFacts session, PageContext ctx) => string.Join(" ", session.Tools
        .GroupBy(t => t.Name, StringComparer.Ordinal).Select(g => g.Key).Order(StringComparer.Ordinal)
        .Select(t => ctx.PathOf($"tool:{t}") is { } p ? body.CellLink(p) : t));
}
