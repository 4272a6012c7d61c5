using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClawLearn.Cli.Api;

/// <summary>
/// The rules every request passes before a route runs: the Host header names the bound host (no DNS rebinding),
/// the token when one is configured, CORS only for configured origins, JSON-only POST bodies under a size cap
/// (a cross-site form cannot post), and JSON errors for unknown routes (404) and wrong methods (405).
/// </summary>
internal static class ApiGuard
{
    public static void Use(WebApplication app, ServeOptions options)
    {
        // Outermost: a failure inside a route is still a JSON error, never an empty 500.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var (status, message) = e switch
                {
                    // Kestrel's own refusals (a chunked body over the size limit) keep their status.
                    BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? $"the request body is larger than {options.MaxBodyBytes:N0} bytes" : "bad request"),
                    Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => // SQLITE_BUSY, SQLITE_LOCKED
                        (StatusCodes.Status503ServiceUnavailable, "the learning store is busy (another process holds it); retry"),
                    _ => (StatusCodes.Status500InternalServerError, $"internal error ({e.GetType().Name}); see the server's output"),
                };
                if (status == StatusCodes.Status500InternalServerError) Console.Error.WriteLine($"error: {context.Request.Method} {context.Request.Path}: {e}");
                var allowOrigin = context.Response.Headers.AccessControlAllowOrigin;
                context.Response.Clear();
                if (allowOrigin.Count > 0) (context.Response.Headers.AccessControlAllowOrigin, context.Response.Headers.Vary) = (allowOrigin, "Origin");
                await ApiResults.WriteError(context, status, message);
            }
        });
        app.Use(async (context, next) =>
        {
            var rejection = Check(context, options, out var preflightAnswered);
            if (preflightAnswered) return;
            if (rejection is { } r)
            {
                await ApiResults.WriteError(context, r.Status, r.Message);
                return;
            }
            await next(context);
        });
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var methods = endpoint?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint is null)
            {
                await ApiResults.WriteError(context, StatusCodes.Status404NotFound,
                    context.Request.Path.StartsWithSegments(LearningApi.Prefix) ? "Unknown learning API route" : "Not found; the API is under " + LearningApi.Prefix + "/");
                return;
            }
            // Every route is mapped with its method; an endpoint without one is routing's own "405" endpoint.
            if (methods is null || !methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                var route = context.Request.Path.Value![(LearningApi.Prefix.Length + 1)..].TrimEnd('/').Split('/')[0];
                context.Response.Headers.Allow = LearningApi.Routes.GetValueOrDefault(route, "GET");
                await ApiResults.WriteError(context, StatusCodes.Status405MethodNotAllowed, $"Method Not Allowed: {context.Request.Method} {context.Request.Path}");
                return;
            }
            if (HttpMethods.IsPost(context.Request.Method))
            {
                if (!IsJson(context.Request.ContentType))
                {
                    await ApiResults.WriteError(context, StatusCodes.Status415UnsupportedMediaType, "POST bodies must be application/json");
                    return;
                }
                if (context.Request.ContentLength > options.MaxBodyBytes)
                {
                    await ApiResults.WriteError(context, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {options.MaxBodyBytes:N0} bytes");
                    return;
                }
            }
            await next(context);
        });
    }

    /// <summary>Before routing: host, origin and token. The error that ends the request, or null when it may go on (or when a CORS preflight was answered).</summary>
    private static (int Status, string Message)? Check(HttpContext context, ServeOptions options, out bool preflightAnswered)
    {
        preflightAnswered = false;
        var request = context.Request;
        if (!HostAllowed(request.Host.Host, options))
            return (StatusCodes.Status400BadRequest, $"Host '{request.Host.Host}' is not the host this server is bound to ({options.Host})");

        var origin = request.Headers.Origin.ToString();
        var allowedOrigin = origin.Length > 0 && options.CorsOrigins.Contains(ServeOptions.NormalizeOrigin(origin) ?? origin, StringComparer.OrdinalIgnoreCase);
        if (allowedOrigin)
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.Vary = "Origin";
            if (HttpMethods.IsOptions(request.Method) && request.Headers.AccessControlRequestMethod.Count > 0)
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type, Authorization, X-ClawLearn-Token";
                context.Response.Headers.AccessControlMaxAge = "600";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                preflightAnswered = true;
                return null;
            }
        }
        // A write from another site's page: browsers send it only if CORS allows, but refuse it outright anyway.
        if (HttpMethods.IsPost(request.Method) && origin.Length > 0 && !allowedOrigin && !SameOrigin(origin, request))
            return (StatusCodes.Status403Forbidden, $"Origin '{origin}' may not write to this API (configure it with --cors-origin)");

        if (options.Token is { Length: > 0 } token && !Dashboard.IsDashboardPath(request.Path) && !TokenMatches(request, token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return (StatusCodes.Status401Unauthorized, "a valid token is required (Authorization: Bearer <token>)");
        }
        return null;
    }

    /// <summary>
    /// A wildcard bind accepts any Host (the token, required off loopback, is the protection there); otherwise the
    /// Host must be the bound host, and on loopback any loopback name.
    /// </summary>
    public static bool HostAllowed(string host, ServeOptions options)
    {
        if (options.IsWildcard) return true;
        if (string.Equals(host, options.Host, StringComparison.OrdinalIgnoreCase)) return true;
        // Addresses compare as addresses: "[2001:db8::1]" in a Host header is the bound 2001:DB8:0::1.
        if (IPAddress.TryParse(host.Trim('[', ']'), out var given) && IPAddress.TryParse(options.Host.Trim('[', ']'), out var bound) && given.Equals(bound))
            return true;
        return options.IsLoopback && ServeOptions.IsLoopbackHost(host);
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static bool TokenMatches(HttpRequest request, string token)
    {
        var given = request.Headers["X-ClawLearn-Token"].ToString();
        if (given.Length == 0 && AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth)
            && string.Equals(auth.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            given = auth.Parameter ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);
}
