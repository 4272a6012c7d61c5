using System.CommandLine;
using ClawLearn.Cli.Output;
using ClawLearn.Status;

namespace ClawLearn.Cli.Commands;

/// <summary><c>clawlearn status</c>: the reference's <c>learning status</c>, plus hidden and never-referenced arms.</summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions();
        var command = new Command("status", "Show what has been learned: counts, tokens, run distribution, top and bottom arms, hidden and unused arms");
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            var config = shared.Config(parse, state);
            if (!File.Exists(shared.StorePath(parse, state, agent.Id)))
            {
                env.Error.WriteLine($"error: no learning data for agent '{agent.Id}' yet: run 'clawlearn ingest' first");
                return ExitCodes.BadInput;
            }
            using var store = shared.OpenStore(parse, state, agent.Id);
            StatusRenderer.Render(env.Out, LearningStatus.Compute(store, agent.Id, config), config);
            return ExitCodes.Ok;
        });
        return command;
    }
}
