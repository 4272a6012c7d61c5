namespace ClawLearn.Cli.Api;

/// <summary>The body of every error response: <c>{"error": "…"}</c>.</summary>
internal sealed record ApiError(string Error);
