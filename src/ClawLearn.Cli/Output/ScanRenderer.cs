using System.Globalization;
using ClawLearn.Scanning;
using Spectre.Console;

namespace ClawLearn.Cli.Output;

/// <summary>Renders a <see cref="ScanReport"/> as tables for a person.</summary>
internal static class ScanRenderer
{
    public static void Render(IAnsiConsole console, ScanReport report)
    {
        console.MarkupLine($"[bold]State directory[/] {Markup.Escape(report.StateDir)} [grey](from {Markup.Escape(Source(report.StateDirSource))})[/]");
        console.MarkupLine($"[bold]Config[/] {Markup.Escape(report.Config)}{(report.ConfigFound ? "" : " [yellow](not found: defaults used)[/]")}, bootstrapMaxChars {N(report.BootstrapMaxChars)}");
        console.WriteLine();

        var agents = new Table().Title("Agents (* default)")
            .AddColumn(new TableColumn("agent").NoWrap())
            .AddColumns("JSONL", "SQLite", "archived", "skipped", "turns", "runs")
            .AddColumn(new TableColumn("first").NoWrap())
            .AddColumn(new TableColumn("last").NoWrap());
        foreach (var a in report.Agents)
        {
            agents.AddRow(E(a.Id + (a.IsDefault ? "*" : "")), N(a.Sessions.Jsonl), N(a.Sessions.Sqlite), N(a.Sessions.Archived),
                N(a.Sessions.Skipped), N(a.Turns), N(a.UserTurns), Day(a.FirstTurn), Day(a.LastTurn));
        }
        console.Write(agents);
        foreach (var a in report.Agents)
        {
            console.MarkupLine($"  [bold]{E(a.Id)}[/]: session index {E(a.SessionIndex)}, {N(a.SessionIndexEntries)} entries; workspace {E(a.Workspace.Path)} [grey]({E(WorkspaceSource(a.Workspace.Source))})[/]{(a.Workspace.Exists ? "" : " [yellow]missing[/]")}");
        }

        foreach (var a in report.Agents.Where(a => a.Workspace.Exists)) RenderWorkspace(console, a);

        var t = report.Totals;
        console.WriteLine();
        console.MarkupLine($"[bold]Totals[/] {N(t.Agents)} agents, {N(t.Sessions.Read)} sessions ({N(t.Sessions.Jsonl)} JSONL, {N(t.Sessions.Sqlite)} SQLite, {N(t.Sessions.Archived)} archived, {N(t.Sessions.Skipped)} skipped), {N(t.Lines)} lines, {N(t.Turns)} turns, {N(t.UserTurns)} runs");
        console.MarkupLine($"[bold]Date range[/] {E(t.FirstTurn ?? "-")} .. {E(t.LastTurn ?? "-")}");
        console.MarkupLine($"[bold]Dropped[/] {N(t.DroppedMessages)} delivery-mirror/injected messages; [bold]skipped[/] {N(t.SkippedLines)} unreadable lines");

        if (report.SkippedLines.Count > 0)
        {
            var table = new Table().Title("Lines skipped").AddColumns("file", "reason", "lines", "first at line");
            foreach (var s in report.SkippedLines) table.AddRow(E(s.File), E(s.Reason), N(s.Count), N(s.FirstLine));
            console.Write(table);
        }
        if (report.SkippedSources.Count > 0)
        {
            var table = new Table().Title("Sources not used").AddColumns("source", "session", "reason");
            foreach (var s in report.SkippedSources) table.AddRow(E(s.Path), E(s.SessionId), E(s.Reason));
            console.Write(table);
        }
        if (report.NotRead.Count > 0)
        {
            var table = new Table().Title("Deliberately not read").AddColumns("path", "reason");
            foreach (var n in report.NotRead) table.AddRow(E(n.Path), E(n.Reason));
            console.Write(table);
        }
        foreach (var problem in report.Problems) console.MarkupLine($"[yellow]warning:[/] {E(problem)}");
    }

    private static void RenderWorkspace(IAnsiConsole console, AgentScan agent)
    {
        var ws = agent.Workspace;
        var table = new Table().Title($"Workspace of {E(agent.Id)}").AddColumns("bootstrap file", "chars", "injected", "note");
        foreach (var f in ws.BootstrapFiles)
            table.AddRow(E(f.Name), N(f.RawChars), N(f.InjectedChars), f.Truncated ? "[yellow]truncated[/]" : "");
        foreach (var missing in ws.MissingBootstrapFiles) table.AddRow(E(missing), "-", "-", "missing");
        console.Write(table);
        var memory = ws.MemoryFile is null ? "no MEMORY.md" : $"{ws.MemoryFile}: {N(ws.MemorySections)} sections";
        var notes = ws.DailyNotes == 0 ? "no daily notes" : $"{N(ws.DailyNotes)} daily notes ({ws.FirstDailyNote} .. {ws.LastDailyNote})";
        console.MarkupLine($"  {E(memory)}; {E(notes)}; {N(ws.OtherMemoryNotes)} other notes; DREAMS.md {(ws.Dreams ? "present" : "absent")}");
        if (ws.HiddenMemorySections.Count > 0)
            console.MarkupLine($"  [yellow]hidden by truncation[/] (the model never sees them): {E(string.Join(", ", ws.HiddenMemorySections))}");
    }

    private static string Source(string source) => source switch
    {
        "CommandLine" => "--state-dir",
        "Environment" => "OPENCLAW_STATE_DIR",
        "Legacy" => "legacy directory",
        _ => "default",
    };

    private static string WorkspaceSource(string source) => source switch
    {
        "AgentConfig" => "agents.list workspace",
        "DefaultsConfig" => "agents.defaults.workspace",
        "StateDir" => "inside the state directory",
        _ => "OpenClaw default",
    };

    private static string Day(string? iso) => iso is null ? "-" : iso[..10];

    private static string E(string text) => Markup.Escape(text);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
