using System.CommandLine;
using ClawLearn.Cli.Output;
using ClawLearn.Status;

namespace ClawLearn.Cli.Commands;

/// <summary><c>clawlearn status</c>: the reference's <c>learning status</c>, plus hidden and never-referenced arms.</summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env);
        var command = new Command("status", "Show what has been learned: counts, tokens, run distribution, top and bottom arms, hidden and unused arms");
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            var config = shared.Config(parse, state);
            using var store = shared.OpenExistingStore(parse, state, agent, env);
            if (store is null) return ExitCodes.BadInput;
            StatusRenderer.Render(env.Out, LearningStatus.Compute(store, agent.Id, config), config);
            return ExitCodes.Ok;
        });
        return command;
    }
}
