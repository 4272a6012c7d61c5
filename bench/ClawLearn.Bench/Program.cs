using ClawLearn.Bench;

// clawlearn benchmarks. Each measurement runs in a child process so its peak RSS is its own.
//   streaming [--sizes 1,10,100,500] [--dir DIR]   peak memory while a single transcript grows
//   index [--mb 40]                                 a big sessions.json, streamed vs one DOM
//   corpus --out DIR [--size-mb 1024] [--files 10000] [--seed 42]  write a scale corpus (every storage era) and print its stats
//   ingest [--size-mb 1024] [--files 10000] [--seed 42] [--rounds 3]  ingest throughput vs a bare Utf8JsonReader pass, re-ingest time
//   ccusage [--size-mb 2048] [--files 10000] [--seed 42] [--dir DIR] [--ccusage PATH]  cold ingest + usage vs ccusage: time, RSS, per-session agreement
//   compare-usage CCUSAGE_JSON CLAWLEARN_JSON       the ccusage mode's agreement check alone, on two saved outputs (it keeps them when they differ)
//   decisions [--arms 1000] [--runs 100000]          selection latency p50/p99 and simulate throughput
//   serve [--traces 1000000] [--clients 16] [--seconds 10]  API load from a second process: requests/s and p99
//   export [--traces 1000000]                        JSON, CSV and NDJSON exports of a big store: time and peak RSS
//   wiki [--days 730] [--sessions 5000] [--keep]     wiki generation: first run, nothing changed, one note changed, lint
return args.FirstOrDefault() switch
{
    "streaming" => StreamingBenchmark.Run(args[1..]),
    "index" => SessionIndexBenchmark.Run(args[1..]),
    "corpus" => CorpusCommand.Run(args[1..]),
    "ingest" => IngestBenchmark.Run(args[1..]),
    "ccusage" => CcusageBenchmark.Run(args[1..]),
    "compare-usage" => CcusageBenchmark.Compare(args[1], args[2]),
    "decisions" => DecisionBenchmark.Run(args[1..]),
    "serve" => ServeLoadBenchmark.Run(args[1..]),
    "export" => ExportBenchmark.Run(args[1..]),
    "measure-export" => Measure.Export(args[1], args[2]),
    "wiki" => WikiBenchmark.Run(args[1..]),
    "measure-bare" => Measure.Bare(args[1]),
    "measure-exec" => MeasureExec.Run(args[1..]),
    "measure-phases" => Measure.Phases(args[1]),
    "measure-ingest" => Measure.Ingest(args[1], args[2]),
    "measure-transcript" => Measure.Transcript(args[1]),
    "measure-index" => Measure.Index(args[1], args[2]),
    "measure-wiki" => Measure.Wiki(args[1], args[2], args[3]),
    "measure-wiki-lint" => Measure.WikiLint(args[1]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ClawLearn.Bench streaming [--sizes 1,10,100,500] [--dir DIR] | index [--mb 40] | corpus --out DIR [--size-mb 1024] [--files 10000] [--seed 42] | ingest [--size-mb 1024] [--files 10000] [--seed 42] [--dir DIR] [--rounds 3] | ccusage [--size-mb 2048] [--files 10000] [--seed 42] [--dir DIR] [--ccusage PATH] | compare-usage CCUSAGE_JSON CLAWLEARN_JSON | decisions [--arms 1000] [--runs 100000] | serve [--traces 1000000] [--clients 16] [--seconds 10] [--dir DIR] | export [--traces 1000000] [--dir DIR] | wiki [--days 730] [--sessions 5000] [--keep]");
    return 2;
}
