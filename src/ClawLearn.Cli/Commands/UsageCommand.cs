using System.CommandLine;
using ClawLearn.Cli.Output;
using ClawLearn.Ingest;
using ClawLearn.StateDir;
using ClawLearn.Storage;
using ClawLearn.Usage;

namespace ClawLearn.Cli.Commands;

/// <summary>
/// <c>clawlearn usage</c>: token usage and reported cost per session or per UTC day, from what ingest stored (every
/// assistant message, including those before a session's first user turn). Totals agree with
/// <c>ccusage openclaw session</c> on the transcripts both read.
/// </summary>
internal static class UsageCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env, "Only this agent (default: every agent with learning data)");
        var by = new Option<string>("--by") { Description = "One line per session or per day (UTC)", DefaultValueFactory = _ => "session" };
        by.AcceptOnlyFromAmong("session", "day");
        var json = new Option<bool>("--json") { Description = "Print JSON in ccusage's shape instead of a table" };
        var command = new Command("usage", "Token usage and cost per session or per day, from the ingested transcripts (run 'clawlearn ingest' first)") { by, json };
        shared.AddTo(command, withConfigOverrides: false);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            IReadOnlyList<AgentLayout> agents;
            if (parse.GetValue(shared.Agent) is not null)
            {
                if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
                agents = [agent];
            }
            else
            {
                agents = state.Agents.Where(a => LearningStores.Exists(shared.StorePath(parse, state, a.Id))).ToList();
                if (agents.Count == 0)
                {
                    env.Error.WriteLine($"error: no learning data in {state.Root} yet: run 'clawlearn ingest' first");
                    return ExitCodes.BadInput;
                }
            }
            var rows = new List<UsageRow>();
            var sources = new Dictionary<(string, string), string>();
            foreach (var agent in agents)
            {
                using var store = shared.OpenExistingStore(parse, state, agent, env);
                if (store is null) return ExitCodes.BadInput;
                var cursors = store.Cursors(agent.Id);
                // A store shared by several agents (one --db file, PostgreSQL) exists for agents never ingested into it.
                if (cursors.Count == 0 && agents.Count > 1) continue;
                if (store.GetMeta(Ingestor.UsageMetaKey(agent.Id)) is null)
                {
                    env.Error.WriteLine($"error: the learning data of agent '{agent.Id}' predates usage reports: run 'clawlearn ingest' once to add them");
                    return ExitCodes.BadInput;
                }
                rows.AddRange(store.Usage(agent.Id));
                foreach (var cursor in cursors) sources[(agent.Id, cursor.SessionId)] = state.Relative(cursor.Path);
            }
            var report = UsageReport.Build(rows, parse.GetValue(by) == "day" ? UsageGrouping.Day : UsageGrouping.Session);
            string? Source(UsageLine line) => line.AgentId is { } a && line.SessionId is { } s ? sources.GetValueOrDefault((a, s)) : null;
            if (parse.GetValue(json))
            {
                using var stdout = env.OpenStandardOutput();
                UsageJson.Write(stdout, report, Source);
            }
            else
            {
                UsageRenderer.Render(env.Out, report, multipleAgents: agents.Count > 1);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
