using System.CommandLine;
using ClawLearn.Export;
using ClawLearn.Learning;

namespace ClawLearn.Cli.Commands;

/// <summary><c>clawlearn export</c>: traces and posteriors in the seed's JSON and CSV formats, or NDJSON.</summary>
internal static class ExportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env);
        var format = new Option<string>("--format") { Description = "json, csv or ndjson (one trace per line)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "ndjson");
        var noTraces = new Option<bool>("--no-traces") { Description = "Leave the traces out" };
        var noPosteriors = new Option<bool>("--no-posteriors") { Description = "Leave the posteriors out" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the learning data of one agent (run 'clawlearn ingest' first)") { format, noTraces, noPosteriors, output };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            var options = new ExportOptions
            {
                Format = Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true),
                Traces = !parse.GetValue(noTraces),
                Posteriors = !parse.GetValue(noPosteriors),
            };
            if (options.Format == ExportFormat.Ndjson && !options.Traces)
            {
                env.Error.WriteLine("error: NDJSON holds traces only; use --format json or csv for posteriors alone");
                return ExitCodes.BadInput;
            }
            var config = shared.Config(parse, state);
            using var store = shared.OpenExistingStore(parse, state, agent, env);
            if (store is null) return ExitCodes.BadInput;
            var posteriors = () => PosteriorCalculator.Compute(store.TracesInTimeOrder(agent.Id), store.Events(agent.Id), config);
            if (parse.GetValue(output) is { } path)
            {
                ExportFile.Write(path, file => LearningExporter.Write(file, store.TracesNewestFirst(agent.Id), posteriors, options));
                env.Error.WriteLine($"wrote {path}");
            }
            else
            {
                using var stdout = env.OpenStandardOutput();
                LearningExporter.Write(stdout, store.TracesNewestFirst(agent.Id), posteriors, options);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
