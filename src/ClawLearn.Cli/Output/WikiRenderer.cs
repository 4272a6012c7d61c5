using System.Globalization;
using System.Text;
using ClawLearn.Wiki;
using Spectre.Console;

namespace ClawLearn.Cli.Output;

/// <summary>What <c>clawlearn wiki</c> and <c>clawlearn wiki lint</c> print.</summary>
internal static class WikiRenderer
{
    public static void Render(IAnsiConsole console, WikiResult r)
    {
        string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
        var sources = $"{N(r.CountOf(SourceTypes.Memory))} memory files, {N(r.CountOf(SourceTypes.DailyNote))} notes, {N(r.CountOf(SourceTypes.Dreams))} DREAMS.md, " +
            $"{N(r.CountOf(SourceTypes.SessionIndex))} session indexes, {N(r.CountOf(SourceTypes.Session))} sessions";
        if (r.NothingChanged)
        {
            var touched = r.Count(DeltaStatus.Touched) > 0 ? $", {N(r.Count(DeltaStatus.Touched))} touched with the same content" : "";
            var written = touched.Length > 0 ? "only their new times were recorded in the manifest" : "nothing was written";
            console.MarkupLine($"[bold]{Markup.Escape(r.Vault)}[/]: nothing changed ({N(r.Sources.Count)} sources unchanged{touched}; {N(r.TotalPages)} pages); {written}");
        }
        else
        {
            console.MarkupLine($"[bold]{Markup.Escape(r.Vault)}[/] ({(r.Full ? "full rebuild" : "changes only")})");
            console.MarkupLine($"  sources: {sources}");
            console.MarkupLine($"  delta: {N(r.Count(DeltaStatus.New))} new, {N(r.Count(DeltaStatus.Modified))} modified, {N(r.Count(DeltaStatus.Touched))} touched, " +
                $"{N(r.Count(DeltaStatus.Unchanged))} unchanged, {N(r.Count(DeltaStatus.Deleted))} deleted; {N(r.SessionsRead)} sessions read");
            console.MarkupLine($"  pages: {N(r.Created.Count)} created, {N(r.Updated.Count)} updated, {N(r.Removed.Count)} removed; {N(r.TotalPages)} in the vault");
        }
        foreach (var problem in r.Problems) console.MarkupLine($"  [yellow]warning:[/] {Markup.Escape(problem)}");
    }

    /// <summary>The health report as plain markdown (never wrapped: its last line is a parseable LINT log line).</summary>
    public static string Render(LintReport report, DateTimeOffset now)
    {
        var sb = new StringBuilder("## Wiki Health Report\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{report.PagesChecked:N0} pages checked: ")
            .Append(report.Clean ? "no issues.\n" : $"{report.Issues.Count.ToString("N0", CultureInfo.InvariantCulture)} issue{(report.Issues.Count == 1 ? "" : "s")}.\n");
        foreach (var group in report.Issues.GroupBy(i => i.Kind))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n### {char.ToUpperInvariant(group.Key[0])}{group.Key[1..]}s ({group.Count()})\n\n");
            foreach (var issue in group) sb.Append(CultureInfo.InvariantCulture, $"- {issue.File}: {issue.Detail}\n");
        }
        if (report.Warnings.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n### Warnings ({report.Warnings.Count})\n\n");
            foreach (var warning in report.Warnings) sb.Append(CultureInfo.InvariantCulture, $"- {warning.File}: {warning.Detail}\n");
        }
        return sb.Append('\n').Append(report.LogLine(now)).Append('\n').ToString();
    }
}
