using System.CommandLine;
using ClawLearn.Learning;
using Spectre.Console;

namespace ClawLearn.Cli.Commands;

/// <summary>
/// <c>clawlearn reward ARM accepted|rejected</c>: manual feedback, stored as an event at its time so posteriors
/// stay derivable (and a later replay sees it when it happened).
/// </summary>
internal static class RewardCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env);
        var arm = new Argument<string>("arm") { Description = "Arm id (tool:fs:read) or a label that names one arm (read)" };
        var outcome = new Argument<string>("outcome") { Description = "accepted (reward 1) or rejected (reward 0)" };
        outcome.AcceptOnlyFromAmong("accepted", "rejected");
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the event)" };
        var at = new Option<string?>("--at") { Description = "When the feedback applies, ISO-8601 (default: now)" };
        var command = new Command("reward", "Record manual feedback for one arm") { arm, outcome, reason, at };
        shared.AddTo(command, withConfigOverrides: false);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            if (!EventTime.TryParse(parse.GetValue(at), env, out var timestamp)) return ExitCodes.BadInput;
            using var store = shared.OpenExistingStore(parse, state, agent, env);
            if (store is null) return ExitCodes.BadInput;
            var known = LearningOptions.KnownArms(store, agent.Id, state.Config.Learning);
            var labels = new ArmLabels(known);
            if (labels.Resolve(parse.GetValue(arm)!) is not { } armId)
            {
                env.Error.WriteLine($"error: {labels.NoMatch(parse.GetValue(arm)!, agent.Id)} (see 'clawlearn status' or 'clawlearn export --no-traces')");
                return ExitCodes.BadInput;
            }
            var reward = parse.GetValue(outcome) == "accepted" ? 1.0 : 0.0;
            store.AddEvent(agent.Id, new LearningEvent(0, LearningEventKind.Reward, timestamp, [armId], reward, parse.GetValue(reason)));
            env.Out.WriteLine($"Recorded {parse.GetValue(outcome)} (reward={reward:0}) for {armId}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
