using System.CommandLine;
using ClawLearn.Cli.Output;
using ClawLearn.Config;
using ClawLearn.StateDir;
using ClawLearn.Wiki;

namespace ClawLearn.Cli.Commands;

/// <summary>
/// <c>clawlearn wiki --vault PATH [--full] [--agent ID|all]</c>: distil the state directory into an Obsidian vault,
/// incrementally; <c>clawlearn wiki lint --vault PATH</c>: check a vault (exit code 1 when it finds issues).
/// </summary>
internal static class WikiCommand
{
    public static Command Create(CliEnvironment env)
    {
        var vault = VaultOption("Obsidian vault folder to write (created when missing; never inside the state directory or a workspace)");
        var full = new Option<bool>("--full") { Description = "Re-read every source and rewrite every page, ignoring what the manifest and cache remember" };
        var agent = new Option<string?>("--agent") { Description = "Only this agent's sources, or 'all' (default: all)", HelpName = "ID|all" };
        // Tool and skill pages carry the learning store's posteriors: the same store the learning commands use.
        var learning = new LearningOptions(env);
        var command = new Command("wiki", "Distil the state directory into an Obsidian wiki: topics from MEMORY.md, projects, tools and skills, a monthly " +
            "journal, sessions per agent and context health; incremental (unchanged sources are not read again), redacted, never a transcript dump")
        {
            vault, full, agent, learning.Db,
        };
        command.SetAction(parse =>
        {
            var state = StateDirectory.Open(StateDirResolver.Resolve(parse.GetValue(GlobalOptions.StateDir), env.Env, env.Home));
            var vaultPath = parse.GetValue(vault)!;
            if (WikiVault.Problem(state, vaultPath) is { } problem)
            {
                env.Error.WriteLine($"error: {problem}");
                return ExitCodes.BadInput;
            }
            string? agentId = null;
            if (parse.GetValue(agent) is { } given && !given.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                agentId = AgentIds.Normalize(given);
                if (state.Agent(agentId) is null)
                {
                    env.Error.WriteLine($"error: no agent '{agentId}' in {state.Root} (agents: {string.Join(", ", state.Agents.Select(a => a.Id))}, or 'all')");
                    return ExitCodes.BadInput;
                }
            }
            var options = new WikiOptions(vaultPath, env.Now())
            {
                Full = parse.GetValue(full), AgentId = agentId, LearningStore = learning.ConfiguredDb(parse, state),
            };
            var result = ProgressReporter.Run(env, "Reading sessions", progress => new WikiBuilder(state, env.Home, options).Run(progress));
            WikiRenderer.Render(env.Out, result);
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(LintCommand(env));
        return command;
    }

    private static Command LintCommand(CliEnvironment env)
    {
        var vault = VaultOption("Obsidian vault folder to check");
        var command = new Command("lint", "Check a vault: broken wikilinks, orphan pages, missing frontmatter fields, index drift and pages that lost a marker (exit code 1 when any is found)")
        {
            vault,
        };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(vault)!);
            if (!Directory.Exists(path))
            {
                env.Error.WriteLine($"error: no vault at {path}");
                return ExitCodes.BadInput;
            }
            var report = WikiLinter.Lint(path);
            env.WriteRaw(WikiRenderer.Render(report, env.Now()));
            return report.Clean ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static Option<string> VaultOption(string description) => new("--vault") { Description = description, Required = true, HelpName = "PATH" };
}
