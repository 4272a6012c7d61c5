using ClawLearn.Learning;

namespace ClawLearn.Wiki;

/// <summary>
/// The context-health page (<c>synthesis/context-health.md</c>): per agent, which bootstrap files and MEMORY.md sections
/// cost tokens in every run without being used, which ones truncation hides, and a ranking of what to prune first
/// (never-used components first, then by the tokens per run they waste). Evidence is the learning store's when
/// <c>clawlearn ingest</c> has run, else the references counted in the sessions read here.
/// </summary>
public static class ContextHealthPage
{
    public const int Ranked = 10;

    public static bool Applies(AgentSnapshot agent) => agent.Files.Count > 0 || agent.Sections.Count > 0;

    public static WikiPage Build(PageContext ctx)
    {
        var agents = ctx.Model.Agents.Where(Applies).ToList();
        var summary = $"What the prompt of {string.Join(", ", agents.Select(a => a.Id))} costs: bootstrap files and MEMORY.md sections never used, " +
            "what truncation hides, and what to prune first.";
        var body = new PageBody().Heading(1, "Context health").Paragraph(PageBody.Inline(summary));
        body.Claim("Used means the file name, or a MEMORY.md line of 20 characters or more, appeared in what the assistant said or passed to a tool. " +
            "Persona files (SOUL.md, IDENTITY.md, USER.md) shape answers without being quoted, so \"never used\" says less about them.", ClaimKind.Inferred);
        body.Claim("Pruning from the top of the ranking saves the most tokens in every run for the least loss.", ClaimKind.Inferred).EndList();
        var related = new List<(string, string)>();
        foreach (var agent in agents)
        {
            var components = Components(agent, ctx);
            Agent(body, agent, components, ctx);
            if (ctx.SessionsPath(agent.Id) is { } s) related.Add((s, $"the sessions of {agent.Id}"));
            related.AddRange(components.Where(c => c.Page is not null).OrderByDescending(c => c.Waste).Take(3).Select(c => (c.Page!, "a costly memory section")));
        }
        var sources = agents.SelectMany(a => a.Files.Select(f => f.Ref)).Distinct().ToList();
        var text = PageContext.Finish(body, sources, related);
        return new WikiPage(ctx.HealthPath!, "Context health", "synthesis", ["openclaw", "context", "prune"], sources, PageContext.Summary(summary), text,
            body.Provenance);
    }

    private static void Agent(PageBody body, AgentSnapshot agent, List<PromptComponent> components, PageContext ctx)
    {
        body.Heading(2, agent.Label);
        var sessions = ctx.Model.SessionsOf(agent.Id).ToList();
        var evidence = agent.Evidence is { } e
            ? $"Evidence: the learning store ({PageBody.Count(e.Traces)} runs, as `clawlearn status` shows them)."
            : $"Evidence: {PageBody.Count(sessions.Sum(s => s.Runs))} runs in {PageBody.Count(sessions.Count)} sessions read now (no learning store yet: `clawlearn ingest` adds posteriors).";
        var tokens = agent.Files.Sum(f => f.Tokens);
        body.Paragraph($"{evidence} Every run carries about {PageBody.Count(tokens)} tokens of bootstrap files (bootstrapMaxChars {PageBody.Count(agent.BootstrapMaxChars)}).");

        var ranked = components.Where(c => !c.Hidden && c.Observed)
            .OrderByDescending(c => c.NeverUsed).ThenByDescending(c => c.Waste).ThenByDescending(c => c.Tokens).ThenBy(c => c.ArmId, StringComparer.Ordinal)
            .Take(Ranked).ToList();
        body.Heading(3, "Prune first");
        if (ranked.Count == 0) body.Paragraph("No run has been observed yet, so nothing can be ranked.");
        else body.Table(["rank", "component", "tokens per run", "used", "why"], ranked.Select((c, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Name(body, c), PageBody.Count(c.Tokens), Used(c), Why(c)]));

        var hidden = components.Where(c => c.Hidden).ToList();
        if (hidden.Count > 0 && agent.Files.FirstOrDefault(f => f.Name == agent.MemoryFile) is { } memory)
        {
            body.Heading(3, "Hidden by truncation");
            var head = (int)Math.Floor(agent.BootstrapMaxChars * 0.7);
            var tail = (int)Math.Floor(agent.BootstrapMaxChars * 0.2);
            body.Claim($"{memory.Name} is {PageBody.Count(memory.RawChars)} characters, over bootstrapMaxChars ({PageBody.Count(agent.BootstrapMaxChars)}): " +
                $"OpenClaw keeps the first {PageBody.Count(head)} and the last {PageBody.Count(tail)} and drops the rest, so the model never sees these sections.");
            foreach (var c in hidden) body.Claim($"{Name(body, c)}: {PageBody.Count(c.Chars)} characters");
            body.Claim($"Moving them out of {memory.Name} (or shortening it by {PageBody.Count(memory.RawChars - agent.BootstrapMaxChars)} characters) " +
                "lets the model see the whole file again.", ClaimKind.Inferred).EndList();
        }
        body.Heading(3, "Bootstrap files");
        body.Table(["file", "characters", "injected", "tokens per run", "truncated", "used"], agent.Files.Select(f => (IReadOnlyList<string>)
        [
            f.Name, PageBody.Count(f.RawChars), PageBody.Count(f.InjectedChars), PageBody.Count(f.Tokens), f.Truncated ? "yes" : "no",
            f.Name == agent.MemoryFile ? "see the sections" : Used(components.First(c => c.ArmId == ArmId.WorkspaceFile(f.Name))),
        ]));
        if (agent.MissingFiles.Count > 0) body.Paragraph($"Missing (OpenClaw injects a [MISSING] marker for each): {string.Join(", ", agent.MissingFiles)}.");
        var sections = components.Where(c => c.ArmId.StartsWith("memory:", StringComparison.Ordinal)).ToList();
        if (sections.Count > 0)
        {
            body.Heading(3, $"{agent.MemoryFile} sections");
            body.Table(["section", "characters", "tokens per run", "hidden", "used"], sections.Select(c => (IReadOnlyList<string>)
                [Name(body, c), PageBody.Count(c.Chars), PageBody.Count(c.Tokens), c.Hidden ? "yes" : "no", c.Hidden ? "never seen" : Used(c)]));
        }
    }

    private static List<PromptComponent> Components(AgentSnapshot agent, PageContext ctx)
    {
        var sessions = ctx.Model.SessionsOf(agent.Id).ToList();
        long RunsOf(bool subagentsToo) => sessions.Where(s => subagentsToo || s.Label.Kind != "subagent").Sum(s => (long)s.Runs);
        long Refs(Func<SessionFacts, IReadOnlyDictionary<string, int>> map, string key) => sessions.Sum(s => (long)map(s).GetValueOrDefault(key));
        var result = new List<PromptComponent>();
        foreach (var f in agent.Files.Where(f => f.Name != agent.MemoryFile))
        {
            var arm = ArmId.WorkspaceFile(f.Name);
            result.Add(new PromptComponent(arm, f.Name, null, f.Tokens, f.InjectedChars, false, RunsOf(f.Name is "AGENTS.md" or "TOOLS.md"),
                Refs(s => s.FilesReferenced, f.Name), agent.Evidence?.Arm(arm)));
        }
        foreach (var s in agent.Sections)
        {
            var page = ctx.Map.PageOfArm(agent.Id, s.ArmId) is { } key ? ctx.PathOf(key) : null;
            result.Add(new PromptComponent(s.ArmId, s.Heading, page, s.Hidden ? 0 : s.Tokens, s.Chars, s.Hidden, RunsOf(false),
                Refs(x => x.MemoryReferenced, s.ArmId), agent.Evidence?.Arm(s.ArmId)));
        }
        return result;
    }

    private static string Name(PageBody body, PromptComponent c)
    {
        if (!c.ArmId.StartsWith("memory:", StringComparison.Ordinal)) return c.Label;
        var label = $"\"{c.Label}\" (`{c.ArmId}`)";
        return c.Page is { } p ? $"{body.CellLink(p)} {label}" : label;
    }

    private static string Used(PromptComponent c) => c switch
    {
        { Evidence: { } e } => (e.Referenced ? "yes" : "never") + $", {EntityPages.Posterior(new LearningEvidence(0, [e]), e.ArmId)}",
        { Runs: 0 } => "no runs yet",
        _ => $"{PageBody.Count(c.References ?? 0)} of {PageBody.Count(c.Runs)} runs",
    };

    private static string Why(PromptComponent c) => c.NeverUsed
        ? $"never used, {PageBody.Count(c.Tokens)} tokens in every run"
        : $"about {PageBody.Count((long)Math.Round(c.Waste))} tokens per run wasted";
}
