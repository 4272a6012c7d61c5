namespace ClawLearn.Cli;

/// <summary>The time of a manual event: <c>--at</c> (ISO-8601) or now.</summary>
internal static class EventTime
{
    public static bool TryParse(string? at, CliEnvironment env, out long timestamp)
    {
        if (at is null)
        {
            timestamp = env.Now().ToUnixTimeMilliseconds();
            return true;
        }
        if (Timestamps.ParseIso(at) is { } ms)
        {
            timestamp = ms;
            return true;
        }
        env.Error.WriteLine($"error: --at '{at}' is not an ISO-8601 time (e.g. 2026-02-20T09:00:00Z)");
        timestamp = 0;
        return false;
    }
}
