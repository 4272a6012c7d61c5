using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClawLearn.Cli.Api;

/// <summary>
/// Builds the API server: Kestrel on the chosen address, the guard, the routes. Tests pass a
/// <c>configure</c> callback to swap Kestrel for an in-memory test server; everything else is what
/// <c>clawlearn serve</c> runs.
/// </summary>
internal static class LearningApiHost
{
    public static WebApplication Build(ServeOptions options, LearningAgents agents, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "clawlearn" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(agents);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            // ListenLocalhost cannot pick a free port (0); then IPv4 loopback alone.
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase) && options.Port != 0) kestrel.ListenLocalhost(options.Port);
            else if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.Listen(IPAddress.Loopback, 0);
            else if (options.IsWildcard) kestrel.ListenAnyIP(options.Port);
            else kestrel.Listen(IPAddress.Parse(options.Host.Trim('[', ']')), options.Port);
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        ApiGuard.Use(app, options);
        LearningApi.Map(app, options);
        return app;
    }

    /// <summary>Whether <paramref name="host"/> is something Kestrel can bind: localhost, a wildcard or an IP address.</summary>
    public static bool IsBindable(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || new ServeOptions { Host = host }.IsWildcard
        || IPAddress.TryParse(host.Trim('[', ']'), out _);
}
