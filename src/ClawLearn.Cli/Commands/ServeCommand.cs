using System.CommandLine;
using System.Globalization;
using ClawLearn.Cli.Api;
using ClawLearn.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClawLearn.Cli.Commands;

/// <summary>
/// <c>clawlearn serve</c>: the learning REST API and the dashboard under <c>/__openclaw__/api/learning/</c>, on
/// loopback unless told otherwise (and then only with a token).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var shared = new LearningOptions(env, "Agent served by default (others by ?agent=ID); default: the default agent");
        var host = new Option<string>("--host") { Description = "Address to bind: 127.0.0.1 (default), localhost, ::1, an IP address or 0.0.0.0 (needs a token)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port (default 18789, the gateway's; 0 picks a free one)", DefaultValueFactory = _ => 18789 };
        var token = new Option<string?>("--token") { Description = "Require this token on every API request (Authorization: Bearer TOKEN); default: $CLAWLEARN_TOKEN" };
        var cors = new Option<string[]>("--cors-origin") { Description = "Allow browser pages from this origin to call the API (repeatable; default: none, CORS off)" };
        var command = new Command("serve", "Serve the learning REST API and the dashboard (http://127.0.0.1:18789/__openclaw__/api/learning/dashboard)")
        {
            host, port, token, cors,
        };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            var options = new ServeOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                Token = parse.GetValue(token) is { Length: > 0 } given ? given : env.Env("CLAWLEARN_TOKEN") is { Length: > 0 } fromEnv ? fromEnv : null,
                CorsOrigins = (parse.GetValue(cors) ?? []).Select(o => ServeOptions.NormalizeOrigin(o) ?? o).ToList(),
            };
            if (Validate(options) is { } problem)
            {
                env.Error.WriteLine($"error: {problem}");
                return ExitCodes.BadInput;
            }
            var state = shared.OpenState(parse, env);
            if (shared.ResolveAgent(parse, state, env) is not { } agent) return ExitCodes.BadInput;
            var config = shared.Config(parse, state);
            if (!LearningStores.Exists(shared.StorePath(parse, state, agent.Id)))
                env.Error.WriteLine($"note: no learning data for agent '{agent.Id}' yet; starting empty (run 'clawlearn ingest' to learn from its history)");
            using var agents = new LearningAgents(state, agent.Id, id => shared.OpenStore(parse, state, id), _ => config, othersAllowed: !shared.StoreIsForOneAgent(parse, state),
                storeExists: id => LearningStores.Exists(shared.StorePath(parse, state, id)));
            var app = LearningApiHost.Build(options, agents);
            app.StartAsync(env.Stopping).GetAwaiter().GetResult();
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var summary = agents.Get(null)!.Summary();
                // Raw lines: a URL wrapped at the console width cannot be clicked or copied.
                env.WriteRaw($"Serving agent '{agent.Id}' ({summary.TraceCount.ToString("N0", CultureInfo.InvariantCulture)} traces) at {address}{LearningApi.Prefix}/\n");
                env.WriteRaw($"Dashboard: {address}{LearningApi.Prefix}/dashboard{(options.Token is null ? "" : "?token=<your token>")}\n");
                env.WriteRaw("Press Ctrl+C to stop.\n");
                app.WaitForShutdownAsync(env.Stopping).GetAwaiter().GetResult();
            }
            finally
            {
                app.StopAsync().GetAwaiter().GetResult();
                ((IDisposable)app).Dispose();
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What is wrong with the listening options, or null.</summary>
    public static string? Validate(ServeOptions options)
    {
        if (options.Port is < 0 or > 65535) return $"--port {options.Port} is not a port (0 to 65535)";
        if (!LearningApiHost.IsBindable(options.Host)) return $"--host '{options.Host}' is not localhost, an IP address or 0.0.0.0";
        if (!options.IsLoopback && options.Token is null)
            return $"binding to {options.Host} exposes the API beyond this machine; give a token with --token or CLAWLEARN_TOKEN";
        foreach (var origin in options.CorsOrigins)
        {
            if (ServeOptions.NormalizeOrigin(origin) is null) return $"--cors-origin '{origin}' is not an origin like https://example.com";
        }
        return null;
    }
}
