using System.Globalization;
using ClawLearn.Usage;
using Spectre.Console;

namespace ClawLearn.Cli.Output;

/// <summary>
/// A usage report as a table that fits a terminal: one row per session (its id's first characters) or day, then the
/// totals. Token counts are abbreviated (12.3K, 4.56M); <c>--json</c> gives exact figures and full ids.
/// </summary>
internal static class UsageRenderer
{
    public static void Render(IAnsiConsole console, UsageSummary report, bool multipleAgents)
    {
        if (report.Lines.Count == 0)
        {
            console.WriteLine("No token usage recorded: no assistant message in the ingested transcripts reports usage.");
            return;
        }
        var bySession = report.By == UsageGrouping.Session;
        // Models and message counts only when the terminal is wide enough to keep every row on one line.
        var wide = console.Profile.Width >= 110;
        var table = new Table().Border(TableBorder.Minimal);
        if (bySession)
        {
            table.AddColumn("Session");
            if (multipleAgents) table.AddColumn("Agent");
            table.AddColumn("Last (UTC)");
        }
        else
        {
            table.AddColumn("Date (UTC)");
        }
        if (wide) table.AddColumn("Models");
        foreach (var name in (wide ? ["Msgs"] : Array.Empty<string>()).Concat(["Input", "Output", "Cache w", "Cache r", "Total", "Cost $"]))
            table.AddColumn(new TableColumn(name).RightAligned());
        foreach (var column in table.Columns) column.NoWrap().Padding(0, 0, 1, 0);
        foreach (var line in report.Lines)
        {
            var cells = new List<string>();
            if (bySession)
            {
                cells.Add(Markup.Escape(Short(line.SessionId ?? "")));
                if (multipleAgents) cells.Add(Markup.Escape(line.AgentId ?? ""));
                cells.Add(line.LastMs is { } last ? UsageJson.Iso(last)[..10] : "");
            }
            else
            {
                cells.Add(line.Day is { Length: > 0 } day ? day : "unknown");
            }
            if (wide) cells.Add(Markup.Escape(Models(line.Models)));
            cells.AddRange(Counts(line, wide));
            table.AddRow(cells.ToArray());
        }
        var totals = new List<string> { "[bold]Total[/]" };
        if (bySession)
        {
            if (multipleAgents) totals.Add("");
            totals.Add("");
        }
        if (wide) totals.Add("");
        totals.AddRange(Counts(report.Totals, wide).Select(c => $"[bold]{c}[/]"));
        table.AddRow(totals.ToArray());
        console.Write(table);
        console.WriteLine($"{report.Lines.Count.ToString("N0", CultureInfo.InvariantCulture)} {(bySession ? "sessions" : "days")}; "
            + "cost as the transcripts report it (usage.cost.total); exact figures and full ids with --json.");
    }

    private static IEnumerable<string> Counts(UsageLine line, bool wide) =>
    [
        .. wide ? [Compact(line.Messages)] : Array.Empty<string>(), Compact(line.Input), Compact(line.Output), Compact(line.CacheWrite), Compact(line.CacheRead), Compact(line.Total),
        line.Cost.ToString("F2", CultureInfo.InvariantCulture),
    ];

    // Session ids are UUIDs: their first 8 characters tell sessions apart on one screen.
    private static string Short(string id) => id.Length > 9 ? id[..8] + "…" : id;

    private static string Models(IReadOnlyList<string> models) => models.Count switch
    {
        0 => "",
        1 => models[0],
        _ => $"{models[0]} +{models.Count - 1}",
    };

    /// <summary>Up to 9,999 as is, then three significant digits with K, M or G.</summary>
    public static string Compact(long n)
    {
        if (Math.Abs(n) < 10_000) return n.ToString(CultureInfo.InvariantCulture);
        var (value, unit) = Math.Abs(n) switch
        {
            < 1_000_000 => (n / 1e3, "K"),
            < 1_000_000_000 => (n / 1e6, "M"),
            _ => (n / 1e9, "G"),
        };
        var format = Math.Abs(value) >= 100 ? "F0" : Math.Abs(value) >= 10 ? "F1" : "F2";
        return value.ToString(format, CultureInfo.InvariantCulture) + unit;
    }
}
