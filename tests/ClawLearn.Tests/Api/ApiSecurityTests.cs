using System.Net.Http.Headers;
using System.Text;
using ClawLearn.Cli.Api;
using ClawLearn.Cli.Commands;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Api;

/// <summary>The guard: routes, methods, content types, sizes, Host, token and CORS, all answered with JSON errors.</summary>
public sealed class ApiSecurityTests
{
    private static async Task<(int Status, string? Error, HttpResponseMessage Response)> Send(ApiHarness api, HttpRequestMessage request)
    {
        var response = await api.Client.SendAsync(request);
        var body = await ApiHarness.ReadJson(response);
        return ((int)response.StatusCode, (string?)body?["error"], response);
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    [Theory]
    [InlineData("/__openclaw__/api/learning/nope")]
    [InlineData("/__openclaw__/api/learning/")]
    [InlineData("/elsewhere")]
    [InlineData("/__openclaw__/api/learning/dashboard/missing.js")]
    public async Task Unknown_routes_are_404_json(string path)
    {
        using var api = new ApiHarness();
        var (status, error, _) = await Send(api, Get(path));
        Assert.Equal(404, status);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("POST", "summary", "GET")]
    [InlineData("DELETE", "posteriors", "GET")]
    [InlineData("GET", "reward", "POST")]
    [InlineData("PUT", "traces", "GET, POST")]
    [InlineData("POST", "dashboard", "GET")]
    public async Task Wrong_methods_are_405_json_with_allow(string method, string route, string allow)
    {
        using var api = new ApiHarness();
        var request = new HttpRequestMessage(new HttpMethod(method), ApiHarness.Base + route) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        var (status, error, response) = await Send(api, request);
        Assert.Equal(405, status);
        Assert.NotNull(error);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task Post_bodies_must_be_json(string contentType)
    {
        using var api = new ApiHarness();
        var (status, error, _) = await Send(api, Post(ApiHarness.Base + "reset", "{}", contentType));
        Assert.Equal(415, status);
        Assert.Contains("application/json", error);
        using var store = api.Learning.Open("main");
        Assert.Empty(store.Events("main"));
    }

    [Fact]
    public async Task Json_with_a_charset_is_json()
    {
        using var api = new ApiHarness();
        var (status, _, _) = await Send(api, Post(ApiHarness.Base + "reward", "{\"arm_id\":\"exec\"}", "application/json; charset=utf-8"));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_whether_announced_or_streamed()
    {
        using var api = new ApiHarness(new ServeOptions { MaxBodyBytes = 1000 });
        var big = "{\"arm_id\":\"exec\",\"reason\":\"" + new string('x', 2000) + "\"}";
        Assert.Equal(413, (await Send(api, Post(ApiHarness.Base + "reward", big))).Status);
        var streamed = new HttpRequestMessage(HttpMethod.Post, ApiHarness.Base + "reward")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        streamed.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        streamed.Headers.TransferEncodingChunked = true;
        Assert.Equal(413, (await Send(api, streamed)).Status);
    }

    [Theory]
    [InlineData("evil.example", 400)]
    [InlineData("127.0.0.1", 200)]
    [InlineData("localhost", 200)]
    [InlineData("[::1]", 200)]
    public async Task The_host_header_must_name_the_bound_host(string host, int expected)
    {
        using var api = new ApiHarness();
        var request = Get(ApiHarness.Base + "summary");
        request.Headers.Host = host;
        Assert.Equal(expected, (await Send(api, request)).Status);
    }

    [Fact]
    public async Task A_specific_address_accepts_only_itself_and_a_wildcard_any_host()
    {
        Assert.True(ApiGuard.HostAllowed("192.168.1.5", new ServeOptions { Host = "192.168.1.5", Token = "t" }));
        Assert.False(ApiGuard.HostAllowed("localhost", new ServeOptions { Host = "192.168.1.5", Token = "t" }));
        Assert.True(ApiGuard.HostAllowed("my-machine", new ServeOptions { Host = "0.0.0.0", Token = "t" }));
        // IPv6: the Host header brackets the address, and any spelling of the bound address is that address.
        Assert.True(ApiGuard.HostAllowed("[2001:db8::1]", new ServeOptions { Host = "2001:db8::1", Token = "t" }));
        Assert.True(ApiGuard.HostAllowed("[2001:DB8:0::1]", new ServeOptions { Host = "2001:db8::1", Token = "t" }));
        Assert.False(ApiGuard.HostAllowed("[2001:db8::2]", new ServeOptions { Host = "2001:db8::1", Token = "t" }));
        Assert.True(ApiGuard.HostAllowed("[::1]", new ServeOptions { Host = "::1" }));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task With_a_token_every_api_request_needs_it_but_the_dashboard_page_does_not()
    {
        using var api = new ApiHarness(new ServeOptions { Token = "s3cret-token" });
        var (status, error, response) = await Send(api, Get(ApiHarness.Base + "summary"));
        Assert.Equal(401, status);
        Assert.Contains("token", error);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());

        var wrong = Get(ApiHarness.Base + "summary");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-tokeN");
        Assert.Equal(401, (await Send(api, wrong)).Status);

        var right = Get(ApiHarness.Base + "summary");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");
        Assert.Equal(200, (await Send(api, right)).Status);

        var header = Post(ApiHarness.Base + "reward", "{\"arm_id\":\"exec\"}");
        header.Headers.Add("X-ClawLearn-Token", "s3cret-token");
        Assert.Equal(200, (await Send(api, header)).Status);

        Assert.Equal(401, (await Send(api, Post(ApiHarness.Base + "reset", "{}"))).Status);
        Assert.Equal(401, (await Send(api, Get(ApiHarness.Base + "summary?token=s3cret-token"))).Status);
        var page = await api.Client.GetAsync(ApiHarness.Base + "dashboard");
        Assert.Equal(200, (int)page.StatusCode);
    }

    [Fact]
    public async Task Cors_is_off_by_default_and_foreign_pages_cannot_write()
    {
        using var api = new ApiHarness();
        var read = Get(ApiHarness.Base + "summary");
        read.Headers.Add("Origin", "https://evil.example");
        var (status, _, response) = await Send(api, read);
        Assert.Equal(200, status);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));

        var write = Post(ApiHarness.Base + "reset", "{}");
        write.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(403, (await Send(api, write)).Status);

        var sameOrigin = Post(ApiHarness.Base + "reward", "{\"arm_id\":\"exec\"}");
        sameOrigin.Headers.Add("Origin", "http://127.0.0.1:18789");
        Assert.Equal(200, (await Send(api, sameOrigin)).Status);
    }

    [Fact]
    public void Origins_are_compared_in_canonical_form()
    {
        Assert.Equal("https://tools.example", ServeOptions.NormalizeOrigin("https://Tools.Example:443/"));
        Assert.Equal("http://localhost:5173", ServeOptions.NormalizeOrigin("http://localhost:5173"));
        Assert.Null(ServeOptions.NormalizeOrigin("https://tools.example/app"));
        Assert.Null(ServeOptions.NormalizeOrigin("ftp://tools.example"));
    }

    [Fact]
    public async Task An_oversized_chunked_body_on_kestrel_is_a_json_413()
    {
        using var api = new ApiHarness(new ServeOptions { Port = 0, MaxBodyBytes = 1000 }, kestrel: true);
        var big = "{\"arm_id\":\"exec\",\"reason\":\"" + new string('x', 5000) + "\"}";
        var request = new HttpRequestMessage(HttpMethod.Post, ApiHarness.Base + "reward") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        var (status, error, _) = await Send(api, request);
        Assert.Equal(413, status);
        Assert.Contains("larger than", error);
    }

    [Fact]
    public async Task An_agent_without_learning_data_is_404_and_no_store_is_created()
    {
        using var learning = new LearningHarness();
        using var api = new ApiHarness(ingest: false, learning: learning);
        var (status, error, _) = await Send(api, Get(ApiHarness.Base + "summary?agent=research"));
        Assert.Equal(404, status);
        Assert.Contains("not ingested yet", error);
        Assert.False(File.Exists(learning.StorePath("research")));
    }

    [Fact]
    public async Task A_configured_origin_gets_cors_headers_and_preflight()
    {
        using var api = new ApiHarness(new ServeOptions { CorsOrigins = ["https://tools.example"] });
        var preflight = new HttpRequestMessage(HttpMethod.Options, ApiHarness.Base + "reward");
        preflight.Headers.Add("Origin", "https://tools.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await api.Client.SendAsync(preflight);
        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal("https://tools.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());

        var write = Post(ApiHarness.Base + "reward", "{\"arm_id\":\"exec\"}");
        write.Headers.Add("Origin", "https://tools.example");
        var (status, _, written) = await Send(api, write);
        Assert.Equal(200, status);
        Assert.Equal("https://tools.example", written.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task A_failure_inside_a_route_is_a_json_500()
    {
        using var api = new ApiHarness();
        api.Agents.Get(null)!.Dispose(); // the store is gone: every route that touches it fails
        var (status, error, _) = await Send(api, Get(ApiHarness.Base + "traces"));
        Assert.Equal(500, status);
        Assert.StartsWith("internal error", error);
    }

    [Theory]
    [InlineData("0.0.0.0", null, "token")]
    [InlineData("192.168.1.5", null, "token")]
    [InlineData("example.com", "t", "not localhost")]
    [InlineData("127.0.0.1", null, null)]
    [InlineData("::1", null, null)]
    [InlineData("localhost", null, null)]
    [InlineData("0.0.0.0", "t", null)]
    public void Off_loopback_binds_need_a_token(string host, string? token, string? problem)
    {
        var message = ServeCommand.Validate(new ServeOptions { Host = host, Token = token });
        if (problem is null) Assert.Null(message);
        else Assert.Contains(problem, message);
    }

    [Fact]
    public void Cors_origins_must_be_origins() =>
        Assert.Contains("not an origin", ServeCommand.Validate(new ServeOptions { CorsOrigins = ["https://a.example/path"] }));
}
