using System.CommandLine;
using ClawLearn.Cli.Commands;
using ClawLearn.Config;

namespace ClawLearn.Cli;

/// <summary>Builds the <c>clawlearn</c> command tree and runs it, mapping failures to exit codes.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliEnvironment env)
    {
        var root = BuildRoot(env);
        var parse = root.Parse(args);
        // Our own handler below maps failures to exit codes; System.CommandLine's would turn them all into 1.
        var output = new InvocationConfiguration { Output = env.Out.Profile.Out.Writer, Error = env.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && !HelpRequested(args))
        {
            foreach (var error in parse.Errors) env.Error.WriteLine($"error: {error.Message}");
            env.Error.WriteLine("Run 'clawlearn --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(output);
        }
        catch (ConfigException e)
        {
            env.Error.WriteLine($"error: invalid config: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (DirectoryNotFoundException e)
        {
            env.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            env.Error.WriteLine($"error: the learning store is busy: another process (an ingest, a server) held its write lock for " +
                $"{ClawLearn.Storage.SqliteLearningStore.BusyTimeoutSeconds} s, so this command stopped; run it again ({e.Message})");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            env.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (ClawLearn.Storage.StoreException e)
        {
            env.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (PrivacyViolationException e)
        {
            // Never expected: discovery skips forbidden files. Refusing loudly beats reading a secret.
            env.Error.WriteLine($"error: {e.Message} (this is a bug in ClawLearn; please report it)");
            return ExitCodes.Failure;
        }
    }

    public static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand("ClawLearn: learn which parts of an OpenClaw agent's prompt actually help, from its own history.")
        {
            GlobalOptions.StateDir,
        };
        root.Subcommands.Add(ScanCommand.Create(env));
        root.Subcommands.Add(IngestCommand.Create(env));
        root.Subcommands.Add(ExportCommand.Create(env));
        root.Subcommands.Add(StatusCommand.Create(env));
        root.Subcommands.Add(UsageCommand.Create(env));
        root.Subcommands.Add(SelectCommand.Create(env));
        root.Subcommands.Add(SimulateCommand.Create(env));
        root.Subcommands.Add(RewardCommand.Create(env));
        root.Subcommands.Add(ResetCommand.Create(env));
        root.Subcommands.Add(ServeCommand.Create(env));
        root.Subcommands.Add(WikiCommand.Create(env));
        return root;
    }

    private static bool HelpRequested(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}
