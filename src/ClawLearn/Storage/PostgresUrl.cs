using Npgsql;

namespace ClawLearn.Storage;

/// <summary>
/// <c>postgres://user:password@host:port/database?schema=name&amp;sslmode=require</c> → an Npgsql connection string
/// (Npgsql does not read URLs). <c>schema</c> is ours: the store's tables live in that schema (created on open).
/// Other query keys are passed to Npgsql as connection-string keywords.
/// </summary>
public static class PostgresUrl
{
    public static bool IsPostgres(string? location) =>
        location is not null && (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    public static (NpgsqlConnectionStringBuilder Builder, string? Schema) Parse(string url)
    {
        if (!IsPostgres(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new StoreException($"'{Redact(url)}' is not a PostgreSQL URL like postgres://user:password@host:5432/database");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
            ApplicationName = "clawlearn",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        string? schema = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            if (key == "schema") builder.SearchPath = schema = value;
            else
            {
                try
                {
                    builder[key] = value;
                }
                catch (ArgumentException e)
                {
                    throw new StoreException($"PostgreSQL URL option '{key}': {e.Message}");
                }
            }
        }
        return (builder, schema);
    }

    /// <summary>The URL without its password, for messages and results.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':')
            ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : url;
}
