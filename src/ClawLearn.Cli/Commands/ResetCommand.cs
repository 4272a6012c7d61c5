using System.CommandLine;
using ClawLearn.Learning;
using Spectre.Console;

namespace ClawLearn.Cli.Commands;

/// <summary>
/// <c>clawlearn reset [--arm ID…] [--confirm]</c>: puts arms back to their prior. Stored as an event, so nothing
/// is deleted: the traces stay, and later learning continues from the prior.
/// </summary>
internal static class ResetCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env);
        var arms = new Option<string[]>("--arm") { Description = "Reset only this arm (repeatable; an id or a label); default: all arms" };
        var confirm = new Option<bool>("--confirm") { Description = "Do not ask" };
        var at = new Option<string?>("--at") { Description = "When the reset applies, ISO-8601 (default: now)" };
        var command = new Command("reset", "Reset arm posteriors to their priors (all arms, or those given with --arm)") { arms, confirm, at };
        shared.AddTo(command, withConfigOverrides: false);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            if (!EventTime.TryParse(parse.GetValue(at), env, out var timestamp)) return ExitCodes.BadInput;
            using var store = shared.OpenExistingStore(parse, state, agent, env);
            if (store is null) return ExitCodes.BadInput;
            var known = LearningOptions.KnownArms(store, agent.Id, state.Config.Learning);
            var targets = new List<string>();
            var labels = new ArmLabels(known);
            foreach (var label in parse.GetValue(arms) ?? [])
            {
                if (labels.Resolve(label) is not { } id)
                {
                    env.Error.WriteLine($"error: {labels.NoMatch(label, agent.Id)}");
                    return ExitCodes.BadInput;
                }
                targets.Add(id);
            }
            var what = targets.Count == 0 ? $"all {known.Count} arms" : $"{targets.Count} arm(s)";
            if (!parse.GetValue(confirm))
            {
                if (!env.InputIsTerminal)
                {
                    env.Error.WriteLine($"error: refusing to reset {what} without --confirm (standard input is not a terminal)");
                    return ExitCodes.BadInput;
                }
                env.Out.Write(new Text($"Reset {what} of agent '{agent.Id}' to their priors? [y/N] "));
                if (env.ReadLine()?.Trim().ToLowerInvariant() is not ("y" or "yes"))
                {
                    env.Out.WriteLine("Cancelled.");
                    return ExitCodes.Ok;
                }
            }
            store.AddEvent(agent.Id, new LearningEvent(0, LearningEventKind.Reset, timestamp, targets, 0, null));
            env.Out.WriteLine($"Reset {what} of agent '{agent.Id}' to their priors.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
