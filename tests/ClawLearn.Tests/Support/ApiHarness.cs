using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClawLearn.Cli.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

    /// <param name="options">How the server listens and guards (default: loopback, no token).</param>
    /// <param name="ingest">Ingest the fixture first.</param>
    /// <param name="learning">The fixture and stores (default: a new one).</param>
    /// <param name="kestrel">Listen on a real loopback port (for a browser) instead of the in-memory test server.</param>
    internal ApiHarness(ServeOptions? options = null, bool ingest = true, LearningHarness? learning = null, bool kestrel = false)
    {
        Learning = learning ?? new LearningHarness();
        if (ingest) Learning.Ingest();
        var state = Learning.Fixture.Open();
        Clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        Options = options ?? new ServeOptions { Port = kestrel ? 0 : 18789 };
        _agents = new LearningAgents(state, "main", id => Learning.Open(id), _ => state.Config.Learning, othersAllowed: true, Clock,
            storeExists: id => File.Exists(Learning.StorePath(id)));
        _app = LearningApiHost.Build(Options, _agents, kestrel ? null : b => b.WebHost.UseTestServer());
        _app.StartAsync().GetAwaiter().GetResult();
        if (kestrel)
        {
            Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            Client = new HttpClient { BaseAddress = Address };
        }
        else
        {
            Address = new Uri($"http://{Options.Host}:{Options.Port}");
            Client = _app.GetTestClient();
            Client.BaseAddress = Address;
        }
    }

    /// <summary>Where the server listens (scheme, host and port).</summary>
    public Uri Address { get; }

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

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string route, string json, string contentType = "application/json") =>
        PostAsync(route, Encoding.UTF8.GetBytes(json), contentType);

    /// <summary>Posts these exact bytes, which need not be UTF-8.</summary>
    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string route, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
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
