using System.CommandLine;
using System.Globalization;
using ClawLearn.Cli.Output;
using ClawLearn.Ingest;
using Spectre.Console;

namespace ClawLearn.Cli.Commands;

/// <summary><c>clawlearn ingest</c>: turn new history into run traces, incrementally.</summary>
internal static class IngestCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env, "Only this agent (default: every agent)");
        var archived = new Option<bool>("--include-archived") { Description = "Also read *.jsonl.deleted.* and *.jsonl.reset.* archives" };
        var full = new Option<bool>("--full") { Description = "Forget what was read before and read all history again" };
        var command = new Command("ingest", "Read new history into run traces (incremental: unchanged sources are not read again)") { archived, full };
        // Selection settings do not change what ingest records, so they are not offered here.
        shared.AddTo(command, withConfigOverrides: false);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            string? agentId = null;
            if (parse.GetValue(shared.Agent) is not null)
            {
                if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
                agentId = agent.Id;
            }
            var options = new IngestOptions
            {
                AgentId = agentId,
                IncludeArchived = parse.GetValue(archived),
                Full = parse.GetValue(full),
                Learning = shared.Config(parse, state),
            };
            var ingestor = new Ingestor(state, id => shared.OpenStore(parse, state, id), options);
            var results = ProgressReporter.Run(env, "Ingesting sessions", ingestor.Run);
            foreach (var r in results) Render(env.Out, r, state.Relative(r.StorePath));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, AgentIngestResult r, string store)
    {
        string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
        if (r.NothingChanged)
        {
            console.MarkupLine($"[bold]{Markup.Escape(r.AgentId)}[/]: nothing changed ({N(r.SessionsUnchanged)} sessions unchanged, {N(r.TracesTotal)} traces in {Markup.Escape(store)})");
        }
        else
        {
            console.MarkupLine($"[bold]{Markup.Escape(r.AgentId)}[/]: read {N(r.SessionsRead)} sessions ({N(r.LinesRead)} lines, {N(r.LinesSkipped)} skipped), {N(r.SessionsUnchanged)} unchanged" +
                (r.SessionsReset > 0 ? $", {N(r.SessionsReset)} re-read after a workspace change" : ""));
            console.MarkupLine($"  traces: {N(r.TracesAdded)} added, {N(r.TracesChanged)} changed, {N(r.TracesRemoved)} removed; {N(r.TracesTotal)} in {Markup.Escape(store)}");
        }
        if (r.PendingRuns > 0 || r.RunsWithoutTime > 0)
            console.MarkupLine($"  {N(r.PendingRuns)} pending runs (no assistant reply yet; the next ingest completes them), {N(r.RunsWithoutTime)} runs skipped for having no time at all");
        foreach (var problem in r.Problems) console.MarkupLine($"  [yellow]warning:[/] {Markup.Escape(problem)}");
    }
}
