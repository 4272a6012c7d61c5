using System.Globalization;
using ClawLearn.Learning;
using ClawLearn.Status;
using Spectre.Console;

namespace ClawLearn.Cli.Output;

/// <summary>Renders <see cref="LearningStatus"/> in the layout of the reference's <c>learning status</c>.</summary>
internal static class StatusRenderer
{
    private const int TopCount = 5;
    private const int ListCap = 20;

    public static void Render(IAnsiConsole console, LearningStatus s, LearningConfig config)
    {
        var badge = config.IsActive ? "[green][[ACTIVE]][/]" : "[grey][[PASSIVE]][/]";
        console.MarkupLine($"[bold]Learning status: {Markup.Escape(s.AgentId)}[/]  {badge}");
        console.WriteLine();
        console.MarkupLine($"  Budget: {N(config.TokenBudget)}  |  Baseline: {(config.BaselineRate * 100).ToString("F0", CultureInfo.InvariantCulture)}%  |  Min pulls: {N(config.MinPulls)}" +
            (config.SeedArms.Count > 0 ? $"  |  Seeds: {Markup.Escape(string.Join(", ", config.SeedArms))}" : ""));
        console.WriteLine();
        if (s.Runs.TraceCount == 0)
        {
            console.WriteLine("No traces recorded yet. Run 'clawlearn ingest' after the agent has had some conversations.");
            return;
        }
        console.MarkupLine($"  Traces: {N(s.Runs.TraceCount)}    Arms: {N(s.Posteriors.Count)}    Tokens: {N(s.Runs.TotalTokens)}    Range: {Day(s.Runs.MinTimestamp)} \u2013 {Day(s.Runs.MaxTimestamp)}");
        console.WriteLine();
        var runs = s.Runs.BaselineRuns + s.Runs.SelectedRuns;
        console.MarkupLine("[bold]Run Distribution[/]");
        console.MarkupLine($"  Baseline: {N(s.Runs.BaselineRuns)} ({Percent(s.Runs.BaselineRuns, runs)})    Selected: {N(s.Runs.SelectedRuns)} ({Percent(s.Runs.SelectedRuns, runs)})");
        if (s.Runs.TokenSavingsPercent is { } savings)
        {
            var text = (savings > 0 ? "+" : "") + savings.ToString("F1", CultureInfo.InvariantCulture) + "%";
            console.MarkupLine($"  Token Savings: {(savings > 0 ? text : $"[red]{text}[/]")} (baseline avg: {s.Runs.BaselineAvgTokens:F0}, selected avg: {s.Runs.SelectedAvgTokens:F0})");
        }
        console.WriteLine();
        if (s.Posteriors.Count == 0)
        {
            console.WriteLine("No arm posteriors yet.");
            return;
        }
        console.Write(ArmTable("Top Arms (highest posterior mean)", s.Posteriors.Take(TopCount)));
        if (s.Posteriors.Count > TopCount)
            console.Write(ArmTable("Bottom Arms (candidates for exclusion)", s.Posteriors.Reverse().Take(TopCount)));
        if (s.HiddenArms.Count > 0)
        {
            console.MarkupLine($"[bold]Hidden by truncation[/] (in the prompt's files, but cut before the model sees them): {s.HiddenArms.Count}");
            foreach (var arm in s.HiddenArms.Take(ListCap)) console.MarkupLine($"  {Markup.Escape(arm)}");
        }
        if (s.NeverReferenced.Count > 0)
        {
            console.MarkupLine($"[bold]Never referenced[/] (offered in runs, never used): {s.NeverReferenced.Count}");
            foreach (var arm in s.NeverReferenced.Take(ListCap)) console.MarkupLine($"  {Markup.Escape(arm)}");
            if (s.NeverReferenced.Count > ListCap) console.MarkupLine($"  … and {s.NeverReferenced.Count - ListCap} more (see 'clawlearn export')");
        }
    }

    private static Table ArmTable(string title, IEnumerable<Posterior> posteriors)
    {
        var table = new Table().Title(title)
            .AddColumn("Arm").AddColumn(new TableColumn("Mean").RightAligned()).AddColumn(new TableColumn("Pulls").RightAligned())
            .AddColumn(new TableColumn("Last Updated").RightAligned());
        foreach (var p in posteriors)
            // An arm with no observation sits at its prior; say so, or a 0.750 prior reads like a learned favourite.
            table.AddRow(Markup.Escape(p.ArmId) + (p.Pulls == 0 ? " [grey](prior)[/]" : ""), p.Mean.ToString("F3", CultureInfo.InvariantCulture), N(p.Pulls), Day(p.LastUpdated));
        return table;
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string Percent(long part, long whole) => whole == 0 ? "0.0%" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";
    private static string Day(long? ms) => ms is { } v && v != long.MinValue ? Timestamps.ToIso(v)[..10] : "\u2013";
}
