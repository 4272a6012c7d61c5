using System.CommandLine;
using System.Text.Json;
using ClawLearn.Cli.Output;
using ClawLearn.Config;
using ClawLearn.Scanning;
using ClawLearn.Sessions;
using ClawLearn.StateDir;

namespace ClawLearn.Cli.Commands;

/// <summary><c>clawlearn scan</c>: what is in the state directory, what was skipped, and what is never read.</summary>
internal static class ScanCommand
{
    public static Command Create(CliEnvironment env)
    {
        var json = new Option<bool>("--json") { Description = "Write the report as JSON instead of tables" };
        var archived = new Option<bool>("--include-archived") { Description = "Also read *.jsonl.deleted.* and *.jsonl.reset.* archives" };
        var agent = new Option<string?>("--agent") { Description = "Only this agent id" };
        var command = new Command("scan", "Show what ClawLearn finds in an OpenClaw state directory: agents, workspaces, sessions per source, turns, skipped lines and files deliberately not read")
        {
            json, archived, agent,
        };
        command.SetAction(parse =>
        {
            var resolved = StateDirResolver.Resolve(parse.GetValue(GlobalOptions.StateDir), env.Env, env.Home);
            var state = StateDirectory.Open(resolved);
            var options = new DiscoveryOptions
            {
                IncludeArchived = parse.GetValue(archived),
                AgentId = parse.GetValue(agent) is { } a ? AgentIds.Normalize(a) : null,
            };
            if (options.AgentId is { } id && state.Agent(id) is null)
            {
                env.Error.WriteLine($"error: no agent '{id}' in {state.Root} (agents: {string.Join(", ", state.Agents.Select(x => x.Id))})");
                return ExitCodes.BadInput;
            }
            var report = ProgressReporter.Run(env, "Scanning sessions", progress => StateDirScanner.Scan(state, options, progress: progress));
            if (parse.GetValue(json))
                env.WriteRaw(JsonSerializer.Serialize(report, ScanJsonContext.Default.ScanReport) + "\n");
            else
                ScanRenderer.Render(env.Out, report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
