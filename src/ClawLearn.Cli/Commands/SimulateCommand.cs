using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClawLearn.Replay;
using Spectre.Console;

namespace ClawLearn.Cli.Commands;

/// <summary>
/// <c>clawlearn simulate</c>: what a token budget would have saved, and broken, on the agent's own history,
/// comparing Thompson sampling with greedy-by-mean and a random policy of the same budget.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env, budgetIsPrimary: true);
        var phaseIn = new Option<int>("--phase-in-after") { Description = "Keep the full prompt for the first K runs (they still teach)", DefaultValueFactory = _ => 0 };
        var halfLife = new Option<double?>("--decay-half-life") { Description = "Evidence half-life in days (default: learning.decayHalfLifeDays; none)" };
        var seed = new Option<int>("--seed") { Description = "Random seed (the replay is reproducible)", DefaultValueFactory = _ => 1 };
        var windows = new Option<int>("--windows") { Description = "Time windows in the report", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON" };
        var html = new Option<string?>("--html") { Description = "Also write an HTML report with charts to this file" };
        var by = PartitionOption.Create();
        var command = new Command("simulate", "Replay the agent's history under a token budget: tokens saved and components missed, per policy and over time")
        {
            phaseIn, halfLife, seed, windows, json, html, by,
        };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            var config = shared.Config(parse, state);
            if (parse.GetValue(halfLife) is { } h) config = config with { DecayHalfLifeDays = h > 0 ? h : null };
            if (config.TokenBudget < 0 || parse.GetValue(phaseIn) < 0 || parse.GetValue(windows) is < 1 or > 1000)
            {
                env.Error.WriteLine("error: --budget and --phase-in-after must be zero or more, --windows between 1 and 1000");
                return ExitCodes.BadInput;
            }
            using var store = shared.OpenExistingStore(parse, state, agent, env);
            if (store is null) return ExitCodes.BadInput;
            var options = new ReplayOptions
            {
                Learning = config,
                PhaseInAfter = parse.GetValue(phaseIn),
                Windows = parse.GetValue(windows),
                Seed = parse.GetValue(seed),
                PartitionBy = PartitionOption.Parse(parse.GetValue(by)),
            };
            var report = Replayer.Run(agent.Id, store.TracesInTimeOrder(agent.Id), store.CountTraces(agent.Id), store.Events(agent.Id), options);
            if (parse.GetValue(html) is { } path)
            {
                File.WriteAllText(path, ReplayHtml.Render(report));
                env.Error.WriteLine($"wrote {path}");
            }
            if (parse.GetValue(json)) env.WriteRaw(JsonSerializer.Serialize(report, ReplayJsonContext.Default.ReplayReport) + "\n");
            else Render(env.Out, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, ReplayReport report)
    {
        string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
        string P(double v) => v.ToString("F1", CultureInfo.InvariantCulture) + "%";
        console.MarkupLine($"[bold]Replay of {Markup.Escape(report.AgentId)}[/]: {N(report.Runs)} runs, budget {N(report.TokenBudget)} tokens" +
            (report.PhaseInAfter > 0 ? $", full prompts for the first {N(report.PhaseInAfter)}" : "") +
            (report.DecayHalfLifeDays is { } h ? $", half-life {h.ToString(CultureInfo.InvariantCulture)} days" : "") +
            (report.PartitionBy != "none" ? $", posteriors per {report.PartitionBy}" : ""));
        if (report.Runs == 0)
        {
            console.WriteLine("No traces to replay yet.");
            return;
        }
        var summary = new Table().AddColumn("policy").AddColumn(new TableColumn("tokens saved").RightAligned()).AddColumn(new TableColumn("saved").RightAligned())
            .AddColumn(new TableColumn("misses").RightAligned()).AddColumn(new TableColumn("miss rate").RightAligned());
        foreach (var p in report.Policies)
            summary.AddRow(Markup.Escape(p.Policy), N(p.TokensSaved), P(p.SavedPercent), $"{N(p.Misses)} of {N(p.ReferencedArms)}", P(p.MissRate * 100));
        console.Write(summary);

        var over = new Table().Title("Over time (saved / miss rate per window)").AddColumn("window");
        foreach (var p in report.Policies) over.AddColumn(new TableColumn(Markup.Escape(p.Policy)).RightAligned());
        var count = report.Policies.Max(p => p.Windows.Count);
        for (var i = 0; i < count; i++)
        {
            var first = report.Policies[0].Windows.ElementAtOrDefault(i);
            var label = first is null ? $"{i + 1}" : $"{i + 1} ({Timestamps.ToIso(first.FirstTimestamp)[..10]})";
            over.AddRow([label, .. report.Policies.Select(p => p.Windows.ElementAtOrDefault(i) is { } w ? $"{P(w.SavedPercent)} / {P(w.MissRate * 100)}" : "-")]);
        }
        console.Write(over);
        if (report.Policies.FirstOrDefault(p => p.Policy == nameof(ReplayPolicy.Thompson)) is { MissesByArm.Count: > 0 } thompson)
        {
            console.MarkupLine("[bold]Most missed by Thompson[/] (left out of runs that used them):");
            foreach (var arm in thompson.MissesByArm.Take(10))
                console.MarkupLine($"  {Markup.Escape(arm.ArmId)}: {N(arm.Misses)} of {N(arm.Referenced)} runs");
        }
    }
}
