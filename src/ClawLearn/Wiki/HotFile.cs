using System.Text;

namespace ClawLearn.Wiki;

/// <summary>
/// <c>hot.md</c> (B3): a short cache of what is current, for an agent that reads the vault before anything else.
/// Recent Activity keeps the last three operations (ours and other tools'), one conceptual line each; the other
/// sections are rewritten from the newest notes and sessions.
/// </summary>
public static class HotFile
{
    private const int Activities = 3;
    private const int Items = 5;
    private const int ThreadDays = 7;

    public static string Render(string? previous, string activity, WikiPlan plan, DateTimeOffset now)
    {
        var ctx = plan.Context;
        var body = new PageBody();
        var sb = new StringBuilder($"---\ntitle: Hot Cache\nupdated: {WikiDates.Iso(now)}\n---\n\n# Hot Cache\n\n");
        sb.Append("*What is current in this vault, kept short; rewritten by `clawlearn wiki` on every run that changes something.*\n\n");
        sb.Append("## Recent Activity\n\n");
        foreach (var line in PreviousActivity(previous).Prepend(activity).Take(Activities)) sb.Append(line).Append('\n');

        sb.Append("\n## Active Threads\n\n");
        var threads = Threads(body, ctx).Take(Items).ToList();
        foreach (var line in threads) sb.Append(line).Append('\n');
        if (threads.Count == 0) sb.Append("- Nothing in the notes of the last week.\n");

        sb.Append("\n## Key Takeaways\n\n");
        var conclusions = ctx.Model.Sessions.SelectMany(s => s.Conclusions.Where(c => !c.Ambiguous).Select(c => (Session: s, Conclusion: c)))
            .OrderByDescending(x => x.Conclusion.TimestampMs ?? 0).Take(Items - 1).ToList();
        foreach (var (session, conclusion) in conclusions)
        {
            var project = session.Projects.Select(p => ctx.PathOf($"project:{p}")).OfType<string>().FirstOrDefault();
            sb.Append($"- {(project is null ? "" : body.Link(project) + ": ")}{PageBody.Inline(conclusion.Text)} ^[inferred]\n");
        }
        if (ctx.HealthPath is { } health && ctx.Model.Agents.SelectMany(a => a.Sections).Count(s => s.Hidden) is var hidden and > 0)
            sb.Append($"- Truncation hides {hidden} MEMORY.md section{(hidden == 1 ? "" : "s")} from the model: see {body.Link(health)}.\n");
        else if (conclusions.Count == 0) sb.Append("- None yet.\n");

        sb.Append("\n## Flagged Contradictions\n\n");
        var doubtful = ctx.Model.Sessions.SelectMany(s => s.Conclusions.Where(c => c.Ambiguous))
            .OrderByDescending(c => c.TimestampMs ?? 0).Take(Items).ToList();
        foreach (var c in doubtful) sb.Append($"- {PageBody.Inline(c.Text)} ^[ambiguous]\n");
        if (doubtful.Count == 0) sb.Append("- None flagged.\n");
        return Redactor.Redact(sb.ToString());
    }

    private static IEnumerable<string> PreviousActivity(string? previous)
    {
        if (previous is null) return [];
        var lines = previous.Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "## Recent Activity");
        if (start < 0) return [];
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.StartsWith("- ", StringComparison.Ordinal));
    }

    // Topics of the newest week of daily notes, each with the page it feeds and its latest line.
    private static IEnumerable<string> Threads(PageBody body, PageContext ctx)
    {
        if (ctx.Model.NewestNote is not { } newest) yield break;
        var recent = ctx.Model.Dailies.Where(d => d.Date > newest.AddDays(-ThreadDays)).OrderByDescending(d => d.Date);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in recent)
        {
            foreach (var section in note.Outline.Sections)
            {
                var part = new NotePart(note, section);
                var page = ctx.Map.RoutesOf(part).Select(ctx.PathOf).OfType<string>().FirstOrDefault();
                if (!seen.Add(page ?? PageNames.Slug(section.Heading))) continue;
                var name = page is null ? PageBody.Inline(section.Heading) : body.Link(page);
                var line = part.Lines.FirstOrDefault() is { } first ? $": {PageBody.Inline(first)}" : "";
                yield return $"- {name} ({WikiDates.Day(part.Date)}){line}";
            }
        }
    }
}
