using ClawLearn.Learning;

namespace ClawLearn.Wiki;

/// <summary>
/// Tool and skill pages under <c>entities/</c>: usage over time (runs and sessions per month), per agent with the
/// learning store's posterior when there is one, the most recent sessions, and the projects it served.
/// </summary>
public static class EntityPages
{
    private const int RecentSessions = 10;

    public static IEnumerable<string> ToolNames(WikiModel model) =>
        model.Sessions.SelectMany(s => s.Tools).Select(t => t.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public static IEnumerable<string> SkillNames(WikiModel model) =>
        model.Sessions.SelectMany(s => s.Skills.Select(u => u.Name).Concat(s.Label.ReportSkills)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public static WikiPage Tool(string name, PageContext ctx) =>
        Build(name, ctx.PathOf($"tool:{name}")!, ArmId.Tool(name), $"the tool {name} (category {ToolCategories.Of(name)})", "tool", ctx.Model.ToolUses(name), [], ctx);

    public static WikiPage Skill(string name, PageContext ctx) =>
        Build(name, ctx.PathOf($"skill:{name}")!, ArmId.Skill(name), $"the skill {name} (runs that read {name}/SKILL.md)", "skill", ctx.Model.SkillUses(name),
            ctx.Model.SessionsListing(name), ctx);

    private static WikiPage Build(string name, string path, string armId, string what, string tag, IReadOnlyList<(SessionFacts Session, List<UsageCount> Usage)> uses,
        IReadOnlyList<SessionFacts> listedIn, PageContext ctx)
    {
        var runs = uses.Sum(u => u.Usage.Sum(x => x.Runs));
        var months = uses.SelectMany(u => u.Usage).Select(u => u.Month).Where(m => m != "undated").Order(StringComparer.Ordinal).ToList();
        var agents = uses.Select(u => u.Session.AgentId).Concat(listedIn.Select(s => s.AgentId)).Distinct(StringComparer.Ordinal).ToList();
        var span = months.Count > 0 ? $", {PageBody.Span(months[0], months[^1])}" : "";
        var summary = runs > 0
            ? $"Usage of {what}: {PageBody.Count(runs, "run")} in {PageBody.Count(uses.Count, "session")} of {string.Join(", ", agents)}{span}."
            : $"{Capitalised(what)}: listed in the prompt of {PageBody.Count(listedIn.Count, "session")} of {string.Join(", ", agents)}, never read.";

        var body = new PageBody().Heading(1, name).Paragraph(PageBody.Inline(summary));
        if (uses.Count > 0)
        {
            body.Heading(2, "Usage over time");
            var rows = uses.SelectMany(u => u.Usage.Select(x => (x.Month, x.Runs, u.Session.Key))).GroupBy(x => x.Month, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[MonthCell(body, g.Key, ctx), PageBody.Count(g.Sum(x => x.Runs)), PageBody.Count(g.Select(x => x.Key).Distinct().Count())]);
            body.Table(["month", "runs", "sessions"], rows);
        }
        body.Heading(2, "By agent");
        body.Table(["agent", "sessions", "runs", "posterior (learning store)"], agents.Select(agent => (IReadOnlyList<string>)
        [
            ctx.SessionsPath(agent) is { } p ? body.CellLink(p) : agent,
            PageBody.Count(uses.Count(u => u.Session.AgentId == agent)),
            PageBody.Count(uses.Where(u => u.Session.AgentId == agent).Sum(u => u.Usage.Sum(x => x.Runs))),
            Posterior(ctx.Model.Agent(agent)?.Evidence, armId),
        ]));
        if (uses.Count > 0)
        {
            body.Heading(2, "Recent sessions");
            foreach (var (session, usage) in uses.Take(RecentSessions))
            {
                var when = session.LastMs is { } ms ? WikiDates.Day(ms) : "undated";
                body.Claim($"{when}, \"{PageBody.Inline(session.DisplayName)}\"{PageBody.Inline(ctx.Model.AgentSuffix(session.AgentId))}: {PageBody.Count(usage.Sum(u => u.Runs), "run")}");
            }
            if (uses.Count > RecentSessions) body.Bullet($"… and {PageBody.Count(uses.Count - RecentSessions)} earlier sessions");
            body.EndList();
        }
        var projects = uses.SelectMany(u => u.Session.Projects).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(p => ctx.PathOf($"project:{p}")).OfType<string>().ToList();
        if (projects.Count > 0)
        {
            body.Heading(2, "Projects");
            foreach (var p in projects) body.Bullet(body.Link(p));
            body.EndList();
        }

        var sources = uses.Select(u => u.Session.Ref).Concat(listedIn.Select(s => s.Ref)).Distinct().ToList();
        var related = agents.Select(a => ctx.SessionsPath(a)).OfType<string>().Select(p => (p, "the sessions that used it")).ToList();
        related.AddRange(months.Select(m => ctx.PathOf($"journal:{m}")).OfType<string>().Distinct().TakeLast(2).Select(p => (p, "what the notes say that month")));
        if (ctx.HealthPath is { } health) related.Add((health, "what the prompt costs and what to prune"));
        var text = PageContext.Finish(body, sources, related);
        return new WikiPage(path, $"{name} ({tag})", "entities", ["openclaw", tag], sources, PageContext.Summary(summary), text, body.Provenance);
    }

    /// <summary>"Beta(6, 2), mean 0.75 over 5 runs", or why there is none.</summary>
    public static string Posterior(LearningEvidence? evidence, string armId) =>
        evidence is null ? "no learning store (run clawlearn ingest)"
        : evidence.Arm(armId) is { } arm ? $"Beta({Provenance.Number(arm.Alpha)}, {Provenance.Number(arm.Beta)}), mean {arm.Mean:0.00} over {arm.Pulls} runs"
        : "not in the learning store";

    private static string MonthCell(PageBody body, string month, PageContext ctx) =>
        ctx.PathOf($"journal:{month}") is { } p ? body.CellLink(p) : month;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
