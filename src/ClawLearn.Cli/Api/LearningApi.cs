using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClawLearn.Learning;
using ClawLearn.Selection;
using ClawLearn.Serving;
using ClawLearn.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClawLearn.Cli.Api;

/// <summary>
/// The routes under <c>/__openclaw__/api/learning/</c>: the reference's read API (learning-layer 4, seed
/// "Programmatic Access"), its V2 writes (<c>reward</c>, <c>reset</c>), and what a live gateway needs to use
/// ClawLearn as its learning backend (<c>select</c>, <c>traces</c>). Every route takes <c>?agent=ID</c>.
/// </summary>
internal static class LearningApi
{
    public const string Prefix = "/__openclaw__/api/learning";

    /// <summary>The most labels one reset may name: a label that is not an arm's id or last segment is looked for in
    /// every arm id, and a request must not buy minutes of the server's time.</summary>
    public const int MaxResetLabels = 1_000;

    /// <summary>Each route's one method, for the <c>Allow</c> header of a 405.</summary>
    public static IReadOnlyDictionary<string, string> Routes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["summary"] = "GET", ["metrics"] = "GET", ["config"] = "GET", ["posteriors"] = "GET", ["traces"] = "GET, POST",
        ["timeseries"] = "GET", ["arm"] = "GET", ["reward"] = "POST", ["reset"] = "POST", ["select"] = "POST", ["dashboard"] = "GET",
    };

    public static void Map(IEndpointRouteBuilder app, ServeOptions options)
    {
        var api = app.MapGroup(Prefix);
        api.MapGet("/summary", (HttpContext c, LearningAgents a) => WithAgent(c, a, l => ApiResults.Json(l.Summary(), ApiJsonContext.Api.LearningSummary)));
        // V2's alias of summary.
        api.MapGet("/metrics", (HttpContext c, LearningAgents a) => WithAgent(c, a, l => ApiResults.Json(l.Summary(), ApiJsonContext.Api.LearningSummary)));
        api.MapGet("/config", (HttpContext c, LearningAgents a) => WithAgent(c, a, l => ApiResults.Json(l.ConfigView(), ApiJsonContext.Api.ConfigView)));
        api.MapGet("/posteriors", (HttpContext c, LearningAgents a) => WithAgent(c, a, l => ApiResults.Json(l.Posteriors(), ApiJsonContext.Api.IReadOnlyListPosteriorView)));
        api.MapGet("/traces", (HttpContext c, LearningAgents a) => WithAgent(c, a, l =>
        {
            if (!QueryValues.TryInt(c, "limit", 100, 0, 1000, out var limit, out var error)) return error!;
            if (!QueryValues.TryInt(c, "offset", 0, 0, int.MaxValue, out var offset, out error)) return error!;
            return ApiResults.Json(l.Traces(limit, offset), ApiJsonContext.Api.TracePage);
        }));
        api.MapGet("/timeseries", (HttpContext c, LearningAgents a) => WithAgent(c, a, l =>
        {
            if (!QueryValues.TryChoice(c, "metric", ["tokens", "convergence"], out var metric, out var error)) return error!;
            if (!QueryValues.TryChoice(c, "window", ["1h", "1d"], out var window, out error)) return error!;
            // Convergence has a line per arm: the 50 most-pulled by default keeps a response of a big store small.
            if (!QueryValues.TryInt(c, "arms", 50, 1, 100_000, out var top, out error)) return error!;
            var windowMs = QueryValues.WindowMs(window);
            var points = metric == "tokens" ? l.TokenTimeseries(windowMs) : l.ConvergenceTimeseries(windowMs, top);
            return ApiResults.Json(new Timeseries(metric, window, points), ApiJsonContext.Api.Timeseries);
        }));
        api.MapGet("/arm", (HttpContext c, LearningAgents a) => WithAgent(c, a, l =>
        {
            if (c.Request.Query["id"] is not [{ Length: > 0 } id]) return ApiResults.Error(StatusCodes.Status400BadRequest, "id (one arm id) is required");
            if (!QueryValues.TryChoice(c, "window", ["1d", "1h"], out var window, out var error)) return error!;
            if (!QueryValues.TryInt(c, "limit", 50, 1, 1000, out var limit, out error)) return error!;
            return l.Arm(id, QueryValues.WindowMs(window), limit) is { } history
                ? ApiResults.Json(history, ApiJsonContext.Api.ArmHistory)
                : ApiResults.Error(StatusCodes.Status404NotFound, $"no arm '{id}' for agent '{l.AgentId}'");
        }));
        api.MapPost("/traces", (HttpContext c, LearningAgents a) => WithBody(c, a, options, (l, body) =>
        {
            if (!TryRead(body, LearningJsonContext.Default.RunTrace, "a trace", out var parsed, out var error)) return error!;
            var (trace, problem) = RecordedTraces.Check(parsed, l.NowMs);
            if (trace is null) return ApiResults.Error(StatusCodes.Status400BadRequest, problem!);
            var result = l.Record(trace);
            return result.Status switch
            {
                "added" => ApiResults.Json(result, ApiJsonContext.Api.RecordResult, StatusCodes.Status201Created),
                "conflict" => ApiResults.Error(StatusCodes.Status409Conflict, $"trace id '{trace.TraceId}' belongs to another agent in this store"),
                _ => ApiResults.Json(result, ApiJsonContext.Api.RecordResult),
            };
        }));
        api.MapPost("/reward", (HttpContext c, LearningAgents a) => WithBody(c, a, options, (l, body) =>
        {
            var root = body.RootElement;
            if (UnknownProperty(root, "arm_id", "armId", "outcome", "reward", "reason") is { } unknown)
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"unknown field '{unknown}' (expected arm_id, outcome, reward, reason)");
            if (Property(root, "arm_id", "armId") is not { ValueKind: JsonValueKind.String } armElement)
                return ApiResults.Error(StatusCodes.Status400BadRequest, "arm_id (string) is required");
            var labels = new ArmLabels(l.KnownArms());
            if (labels.Resolve(armElement.GetString()!) is not { } armId)
                return ApiResults.Error(StatusCodes.Status404NotFound, labels.NoMatch(armElement.GetString()!, l.AgentId));
            if (RewardValue(root) is not { } reward)
                return ApiResults.Error(StatusCodes.Status400BadRequest, "outcome must be \"accepted\" or \"rejected\", or reward a number from 0 to 1");
            var reason = Property(root, "reason") is { ValueKind: JsonValueKind.String } r ? r.GetString() : null;
            return ApiResults.Json(l.Reward(armId, reward, reason), ApiJsonContext.Api.RewardResult);
        }));
        api.MapPost("/reset", (HttpContext c, LearningAgents a) => WithBody(c, a, options, (l, body) =>
        {
            // A typo must not reset every arm: only arm_ids (or armIds) is allowed, and {} means all.
            if (UnknownProperty(body.RootElement, "arm_ids", "armIds") is { } unknown)
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"unknown field '{unknown}' (expected arm_ids; send {{}} to reset every arm)");
            var targets = new List<string>();
            if (Property(body.RootElement, "arm_ids", "armIds") is { } ids)
            {
                if (ids.ValueKind != JsonValueKind.Array || ids.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, "arm_ids must be an array of strings (leave it out to reset every arm)");
                if (ids.GetArrayLength() > MaxResetLabels)
                    return ApiResults.Error(StatusCodes.Status400BadRequest, $"arm_ids names more than {MaxResetLabels} arms; send several requests, or {{}} to reset every arm");
                var labels = new ArmLabels(l.KnownArms());
                foreach (var label in ids.EnumerateArray().Select(e => e.GetString()!))
                {
                    if (labels.Resolve(label) is not { } id) return ApiResults.Error(StatusCodes.Status404NotFound, labels.NoMatch(label, l.AgentId));
                    targets.Add(id);
                }
                if (targets.Count == 0) return ApiResults.Error(StatusCodes.Status400BadRequest, "arm_ids is empty (leave it out to reset every arm)");
            }
            return ApiResults.Json(l.Reset(targets), ApiJsonContext.Api.ResetResult);
        }));
        api.MapPost("/select", (HttpContext c, LearningAgents a) => WithBody(c, a, options, (l, body) =>
        {
            if (!TryRead(body, ApiRequestJsonContext.Default.SelectRequest, "a selection request", out var request, out var error)) return error!;
            if (request is null) return ApiResults.Error(StatusCodes.Status400BadRequest, "the body must be a selection request");
            if (request.Budget < 0) return ApiResults.Error(StatusCodes.Status400BadRequest, "budget must be zero or more");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var arm in request.Arms ?? [])
            {
                if (arm is null || ArmId.Parse(arm.ArmId) is null || arm.TokenCost < 0)
                    return ApiResults.Error(StatusCodes.Status400BadRequest, $"arm '{arm?.ArmId}' needs an id type:category:id and a tokenCost of zero or more");
                // Twice in one prompt would be scored twice and could be packed twice.
                if (!seen.Add(arm.ArmId)) return ApiResults.Error(StatusCodes.Status400BadRequest, $"arm '{arm.ArmId}' is given more than once");
            }
            var random = request.Seed is { } s ? new Random(s) : new Random();
            var (result, _) = l.Select(request.Arms, request.Budget, random, request.Propensities ?? true);
            var guidance = ExcludedToolsGuidance.For(result.Excluded.Select(x => x.ArmId));
            return ApiResults.Json(new SelectionOutput(l.AgentId, result.IsBaseline, result.TokenBudget, result.UsedTokens, request.Seed, result.Arms, guidance),
                ApiJsonContext.Api.SelectionOutput);
        }));
        Dashboard.Map(api);
    }

    private static IResult WithAgent(HttpContext context, LearningAgents agents, Func<LiveLearning, IResult> handle)
    {
        if (context.Request.Query["agent"].Count > 1) return ApiResults.Error(StatusCodes.Status400BadRequest, "give agent once");
        var requested = context.Request.Query["agent"].FirstOrDefault();
        return agents.Get(requested) is { } learning
            ? handle(learning)
            : ApiResults.Error(StatusCodes.Status404NotFound, $"no agent '{requested}' is served here (unknown, not ingested yet, or the server serves one --db)");
    }

    private static async Task<IResult> WithBody(HttpContext context, LearningAgents agents, ServeOptions options, Func<LiveLearning, JsonDocument, IResult> handle)
    {
        var body = await RequestBody.ReadJsonAsync(context, options.MaxBodyBytes);
        if (body.Error is not null) return body.Error;
        using var document = body.Document!;
        return WithAgent(context, agents, l => handle(l, document));
    }

    /// <summary>The body as <typeparamref name="T"/>, or a 400 naming what it should have been.</summary>
    private static bool TryRead<T>(JsonDocument body, JsonTypeInfo<T> type, string what, out T? value, out IResult? error)
    {
        try
        {
            value = body.RootElement.Deserialize(type);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            value = default;
            error = ApiResults.Error(StatusCodes.Status400BadRequest, $"not {what}: {e.Message}");
            return false;
        }
    }

    private static JsonElement? Property(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            if (obj.TryGetProperty(name, out var value)) return value;
        }
        return null;
    }

    private static string? UnknownProperty(JsonElement obj, params string[] known) =>
        obj.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal));

    /// <summary>1 for accepted, 0 for rejected, or an explicit reward in [0, 1]; accepted when neither is given.</summary>
    private static double? RewardValue(JsonElement root)
    {
        var outcome = Property(root, "outcome");
        var reward = Property(root, "reward");
        if (reward is { } r)
            return r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var value) && value is >= 0 and <= 1 ? value : null;
        if (outcome is null) return 1;
        return outcome.Value.ValueKind == JsonValueKind.String ? outcome.Value.GetString() switch { "accepted" => 1, "rejected" => 0, _ => null } : null;
    }
}
