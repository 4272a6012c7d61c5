using System.Text.RegularExpressions;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Api;

/// <summary>The dashboard page and its assets are served from the executable and reference nothing outside it.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task The_page_and_every_asset_it_references_are_served_locally()
    {
        using var api = new ApiHarness();
        var page = await api.Client.GetAsync(ApiHarness.Base + "dashboard");
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Where(a => a != "data:,").ToList();
        Assert.Equal(3, assets.Count);
        foreach (var asset in assets)
        {
            Assert.StartsWith("/__openclaw__/api/learning/dashboard/", asset);
            var response = await api.Client.GetAsync(asset);
            Assert.Equal(200, (int)response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(text.Length > 1000, asset);
            Assert.DoesNotContain("cdn.jsdelivr", text);
        }
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("Chart.js v4.6.1", await api.Client.GetStringAsync("/__openclaw__/api/learning/dashboard/chart.umd.min.js"));
    }

    [Fact]
    public async Task The_dashboard_route_allows_a_trailing_slash()
    {
        using var api = new ApiHarness();
        Assert.Equal(200, (int)(await api.Client.GetAsync(ApiHarness.Base + "dashboard/")).StatusCode);
    }

    [Fact]
    public async Task The_script_calls_only_api_routes_that_exist()
    {
        using var api = new ApiHarness();
        var script = await api.Client.GetStringAsync(ApiHarness.Base + "dashboard/dashboard.js");
        var routes = ScriptCall().Matches(script).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Superset(new HashSet<string> { "summary", "config", "posteriors", "timeseries", "traces", "reset", "reward", "arm" }, routes.ToHashSet());
        Assert.Equal(8, routes.Count);
    }

    [GeneratedRegex("""(?:src|href)="([^"]+)""")]
    private static partial Regex AssetReference();

    [GeneratedRegex("""call\('([a-z]+)'""")]
    private static partial Regex ScriptCall();
}
