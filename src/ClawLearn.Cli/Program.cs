using ClawLearn.Cli;

return CliApp.Run(args, CliEnvironment.FromProcess());
