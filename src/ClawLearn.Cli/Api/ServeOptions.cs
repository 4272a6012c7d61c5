using System.Net;

namespace ClawLearn.Cli.Api;

/// <summary>How <c>clawlearn serve</c> listens and whom it lets in.</summary>
internal readonly record struct ServeOptions
{
    public ServeOptions() { }

    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 18789;
    /// <summary>When set, every API request must carry it (<c>Authorization: Bearer …</c>); required off loopback.</summary>
    public string? Token { get; init; }
    /// <summary>Origins allowed to call the API from a browser page they serve; none by default (CORS off).</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];
    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 1 << 20;

    public bool IsLoopback => IsLoopbackHost(Host);

    public bool IsWildcard => Host is "0.0.0.0" or "::" or "[::]" or "*" or "+";

    /// <summary><c>scheme://host[:port]</c> in canonical form (default port dropped, lower case), or null when not an origin.</summary>
    public static string? NormalizeOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && uri.Query.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
