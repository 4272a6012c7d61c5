using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClawLearn.Cli.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace ClawLearn.Tests.Support;

/// <summary>
/// The API server exactly as <c>clawlearn serve</c> builds it, on an in-memory test server, over an ingested
/// fixture state directory (the WebApplicationFactory pattern without hijacking the CLI's entry point).
/// </summary>
public sealed class ApiHarness : IDisposable
{
    public const string Base = "/__openclaw__/api/learning/";

    private readonly WebApplication _app;
    private readonly LearningAgents _agents;

    internal ApiHarness(ServeOptions? options = null, bool ingest = true, LearningHarness? learning = null)
    {
        Learning = learning ?? new LearningHarness();
        if (ingest) Learning.Ingest();
        var state = Learning.Fixture.Open();
        Clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        Options = options ?? new ServeOptions();
        _agents = new LearningAgents(state, "main", id => Learning.Open(id), _ => state.Config.Learning, othersAllowed: true, Clock);
        _app = LearningApiHost.Build(Options, _agents, b => b.WebHost.UseTestServer());
        _app.StartAsync().GetAwaiter().GetResult();
        Client = _app.GetTestClient();
        Client.BaseAddress = new Uri($"http://{Options.Host}:{Options.Port}");
    }

    public LearningHarness Learning { get; }
    public ManualClock Clock { get; }
    internal ServeOptions Options { get; }
    public HttpClient Client { get; }

    internal LearningAgents Agents => _agents;

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string route)
    {
        var response = await Client.GetAsync(Base + route);
        return (((int)response.StatusCode), await ReadJson(response), response);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string route, string json, string contentType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await Client.PostAsync(Base + route, content);
        return (((int)response.StatusCode), await ReadJson(response), response);
    }

    public static async Task<JsonNode?> ReadJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0) return null;
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return JsonNode.Parse(text);
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public void Dispose()
    {
        Client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        _agents.Dispose();
        Learning.Dispose();
    }
}
