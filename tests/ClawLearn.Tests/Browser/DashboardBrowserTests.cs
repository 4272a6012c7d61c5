using System.Text.Json.Nodes;
using ClawLearn.Tests.Support;
using Xunit.Abstractions;

namespace ClawLearn.Tests.Browser;

/// <summary>
/// The dashboard in a real headless Chromium against a real server on a fixture: every chart renders with data,
/// the page loads nothing from elsewhere, clicking "Reset All Arms" (and accepting the confirm dialog) resets the
/// posteriors, and a screenshot is saved under the test output.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly string[] Charts = ["convergenceChart", "baselineChart", "tokensChart", "distributionChart"];

    [BrowserFact]
    public async Task The_dashboard_renders_every_chart_with_data_and_reset_works()
    {
        using var api = new ApiHarness(kestrel: true);
        await using var browser = await Chromium.LaunchAsync();
        var page = browser.Page;
        await page.CollectErrorsAsync();
        var requests = new List<string>();
        page.On("Network.requestWillBeSent", e => { lock (requests) requests.Add((string)e["request"]!["url"]!); });
        await page.SendAsync("Network.enable");
        // The reset button asks first; accept like a user would.
        var dialogs = 0;
        page.On("Page.javascriptDialogOpening", async _ =>
        {
            Interlocked.Increment(ref dialogs);
            await page.SendAsync("Page.handleJavaScriptDialog", new JsonObject { ["accept"] = true });
        });

        var url = new Uri(api.Address, ApiHarness.Base + "dashboard");
        await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() });
        await page.WaitForAsync("!!(window.clawlearnDashboard && window.clawlearnDashboard.loaded)", TimeSpan.FromSeconds(30), "the dashboard to load its data");

        foreach (var chart in Charts)
        {
            var points = await page.EvaluateAsync($"(() => {{ const c = Chart.getChart('{chart}'); if (!c) return -1; " +
                "return c.data.datasets.reduce((n, d) => n + d.data.filter(v => v !== null && v !== undefined).length, 0); })()");
            Assert.True((int)points! > 0, $"chart {chart} has no data points ({points})");
            var drawn = await page.EvaluateAsync($"document.getElementById('{chart}').width > 0");
            Assert.True((bool)drawn!, $"chart {chart} has no drawing surface");
        }
        Assert.True(int.Parse((string)(await page.EvaluateAsync("document.getElementById('heatmap').dataset.cells"))!) > 0, "the heatmap has no cells");
        var traces = api.Learning.Traces("main").Count;
        var card = (string)(await page.EvaluateAsync("document.getElementById('cardTraces').textContent"))!;
        Assert.Equal(traces.ToString(System.Globalization.CultureInfo.InvariantCulture), new string(card.Where(char.IsAsciiDigit).ToArray()));
        var rows = (int)(await page.EvaluateAsync("document.querySelectorAll('#posteriors tbody tr[data-arm]').length"))!;
        Assert.Equal((await api.GetAsync("posteriors")).Body!.AsArray().Count, rows);
        Assert.Contains("memory:archive:old-vendors", (string)(await page.EvaluateAsync("document.getElementById('hiddenList').textContent"))!);
        Assert.True((bool)(await page.EvaluateAsync("document.getElementById('errorBanner').classList.contains('hidden')"))!, "the page shows an error");

        // An arm links to its history.
        await page.EvaluateAsync("document.querySelector('#posteriors a.arm').click()");
        await page.WaitForAsync("!document.getElementById('armPanel').classList.contains('hidden') && !!Chart.getChart('armChart')", TimeSpan.FromSeconds(10), "the arm history panel");

        var screenshot = await page.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        var file = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String((string)screenshot["data"]!));
        output.WriteLine($"screenshot: {file}");
        Assert.True(new FileInfo(file).Length > 10_000);

        // A real mouse click on "Reset All Arms".
        Assert.Contains((await api.GetAsync("posteriors")).Body!.AsArray(), p => (long)p!["pulls"]! > 0);
        var box = (await page.EvaluateAsync("(() => { const b = document.getElementById('resetAll'); b.scrollIntoView(); const r = b.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"))!;
        foreach (var type in new[] { "mousePressed", "mouseReleased" })
        {
            await page.SendAsync("Input.dispatchMouseEvent", new JsonObject
            {
                ["type"] = type, ["x"] = (double)box["x"]!, ["y"] = (double)box["y"]!, ["button"] = "left", ["clickCount"] = 1,
            });
        }
        await page.WaitForAsync("window.clawlearnDashboard.posteriors.length > 0 && window.clawlearnDashboard.posteriors.every(p => p.pulls === 0)",
            TimeSpan.FromSeconds(20), "the page to show reset posteriors");
        Assert.Equal(1, dialogs);
        Assert.All((await api.GetAsync("posteriors")).Body!.AsArray(), p => Assert.Equal(0, (long)p!["pulls"]!));
        using var store = api.Learning.Open("main");
        Assert.Single(store.Events("main"));

        // Offline: every request went to this server.
        lock (requests) Assert.All(requests, r => Assert.StartsWith(api.Address.GetLeftPart(UriPartial.Authority), r));
        Assert.True(browser.Page.PageErrors.IsEmpty, string.Join("\n", browser.Page.PageErrors));
    }
}
