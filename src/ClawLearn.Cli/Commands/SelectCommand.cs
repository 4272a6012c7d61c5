using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Replay;
using ClawLearn.Selection;
using Spectre.Console;

namespace ClawLearn.Cli.Commands;

/// <summary>
/// <c>clawlearn select</c>: the selection Thompson sampling would make for the agent's next run under a token
/// budget, with each arm's inclusion probability and the guidance text for the tools left out.
/// </summary>
internal static class SelectCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env, budgetIsPrimary: true);
        var inventory = new Option<string?>("--inventory") { Description = "JSON file {\"arms\":[{\"armId\":…,\"tokenCost\":…}]} to select from instead of the agent's current components" };
        var seed = new Option<int?>("--seed") { Description = "Random seed, for a reproducible selection" };
        var today = new Option<string?>("--today") { Description = "The day whose daily notes count as today's (YYYY-MM-DD; default: today, UTC)" };
        var json = new Option<bool>("--json") { Description = "Write the selection as JSON" };
        var by = PartitionOption.Create();
        var context = new Option<string?>("--context") { Description = "With --by: the next run's channel or model (its posteriors are learned from runs with the same one)" };
        var command = new Command("select", "Show the selection for the next run: which components fit the budget, with inclusion probabilities")
        {
            inventory, seed, today, json, by, context,
        };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            var config = shared.Config(parse, state);
            if (config.TokenBudget < 0)
            {
                env.Error.WriteLine("error: --budget must be zero or more");
                return ExitCodes.BadInput;
            }
            var day = DateOnly.FromDateTime(env.Now().UtcDateTime);
            if (parse.GetValue(today) is { } t && !DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                env.Error.WriteLine($"error: --today '{t}' is not a date (YYYY-MM-DD)");
                return ExitCodes.BadInput;
            }
            using var store = shared.OpenExistingStore(parse, state, agent, env);
            if (store is null) return ExitCodes.BadInput;
            IReadOnlyList<SelectionArm> arms;
            if (parse.GetValue(inventory) is { } file)
            {
                if (ReadInventory(file, env) is not { } fromFile) return ExitCodes.BadInput;
                arms = fromFile;
            }
            else
            {
                arms = AgentInventoryReader.Read(state, agent, store, day);
            }
            var partition = PartitionOption.Parse(parse.GetValue(by));
            var contextValue = parse.GetValue(context);
            if (partition == ContextPartition.None && contextValue is not null)
            {
                env.Error.WriteLine("error: --context needs --by channel or --by model (which context it names)");
                return ExitCodes.BadInput;
            }
            if (partition != ContextPartition.None && contextValue is null)
            {
                env.Error.WriteLine($"error: --by {partition.ToString().ToLowerInvariant()} needs --context with the next run's {partition.ToString().ToLowerInvariant()}");
                return ExitCodes.BadInput;
            }
            var traces = store.TracesInTimeOrder(agent.Id).Where(t => partition == ContextPartition.None || ContextPartitions.KeyOf(t, partition) == contextValue);
            // With a half-life, the live decision uses what the replay measured: evidence faded to now.
            var posteriors = (config.DecayHalfLifeDays is not null
                ? DecayedPosteriors.Compute(traces, store.Events(agent.Id), config, env.Now().ToUnixTimeMilliseconds())
                : PosteriorCalculator.Compute(traces, store.Events(agent.Id), config)).ToDictionary(p => p.ArmId);
            var seedValue = parse.GetValue(seed);
            var result = ThompsonSelector.Select(arms, posteriors, SelectionOptions.From(config), seedValue is { } s ? new Random(s) : new Random());
            var guidance = ExcludedToolsGuidance.For(result.Excluded.Select(a => a.ArmId));
            if (parse.GetValue(json))
            {
                var output = new SelectionOutput(agent.Id, result.IsBaseline, result.TokenBudget, result.UsedTokens, seedValue, result.Arms, guidance);
                env.WriteRaw(JsonSerializer.Serialize(output, SelectionJsonContext.Default.SelectionOutput) + "\n");
            }
            else
            {
                Render(env.Out, agent.Id, result, guidance);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<SelectionArm>? ReadInventory(string path, CliEnvironment env)
    {
        try
        {
            var inventory = JsonSerializer.Deserialize(File.ReadAllText(path), SelectionJsonContext.Default.InventoryFile);
            var arms = inventory?.Arms ?? [];
            foreach (var arm in arms)
            {
                if (arm is not null && ArmId.Parse(arm.ArmId) is not null && arm.TokenCost >= 0) continue;
                env.Error.WriteLine($"error: {path}: arm '{arm?.ArmId}' needs an id type:category:id and a tokenCost of zero or more");
                return null;
            }
            return arms;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"error: cannot read inventory {path}: {e.Message}");
            return null;
        }
    }

    private static void Render(IAnsiConsole console, string agentId, SelectionResult result, string? guidance)
    {
        string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
        console.MarkupLine($"[bold]Selection for {Markup.Escape(agentId)}[/]: {N(result.UsedTokens)} of {N(result.TokenBudget)} tokens" +
            (result.IsBaseline ? " [yellow](baseline run: everything that fits, in prompt order)[/]" : ""));
        var table = new Table().AddColumn(new TableColumn("arm").NoWrap()).AddColumn(new TableColumn("tokens").RightAligned()).AddColumn("decision")
            .AddColumn(new TableColumn("draw").RightAligned()).AddColumn(new TableColumn("P(include)").RightAligned()).AddColumn("");
        foreach (var arm in result.Arms)
        {
            var badges = string.Join(" ", new[] { arm.IsSeed ? "SEED" : null, arm.IsUnderexplored ? "EXPLORE" : null }.OfType<string>());
            table.AddRow(Markup.Escape(arm.ArmId), N(arm.TokenCost), arm.Included ? "[green]include[/]" : "[red]exclude[/]",
                arm.Score?.ToString("F3", CultureInfo.InvariantCulture) ?? "-", arm.Propensity?.ToString("F3", CultureInfo.InvariantCulture) ?? "-", badges);
        }
        console.Write(table);
        if (guidance is not null) console.MarkupLine($"[bold]Guidance for the prompt:[/] {Markup.Escape(guidance)}");
    }
}
