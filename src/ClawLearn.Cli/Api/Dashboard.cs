using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClawLearn.Cli.Api;

/// <summary>
/// <c>GET dashboard</c> and its assets, served from files embedded in the executable, Chart.js included: the page
/// works offline and loads nothing from elsewhere (its Content-Security-Policy says so). The page holds no data;
/// its script fetches the API, so it needs no token itself.
/// </summary>
internal static class Dashboard
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["chart.umd.min.js"] = "text/javascript; charset=utf-8",
    };

    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Whether a path is the page or one of its assets (served without a token).</summary>
    public static bool IsDashboardPath(PathString path) =>
        path.StartsWithSegments(LearningApi.Prefix + "/dashboard", StringComparison.OrdinalIgnoreCase);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", (HttpContext c) => Serve(c, "index.html"));
        api.MapGet("/dashboard/{file}", (HttpContext c, string file) => Serve(c, file));
    }

    private static IResult Serve(HttpContext context, string file)
    {
        if (!ContentTypes.TryGetValue(file, out var type) || Open(file) is not { } stream)
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no dashboard file '{file}'");
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, type);
    }

    private static Stream? Open(string file) => typeof(Dashboard).Assembly.GetManifestResourceStream("dashboard/" + file);
}
