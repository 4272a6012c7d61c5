using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClawLearn.Selection;
using ClawLearn.Serving;

namespace ClawLearn.Cli.Api;

/// <summary>Source-generated JSON for every API response (camelCase; nulls written, as the reference does).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(LearningSummary))]
[JsonSerializable(typeof(IReadOnlyList<PosteriorView>))]
[JsonSerializable(typeof(TracePage))]
[JsonSerializable(typeof(Timeseries))]
[JsonSerializable(typeof(ConfigView))]
[JsonSerializable(typeof(RecordResult))]
[JsonSerializable(typeof(RewardResult))]
[JsonSerializable(typeof(ResetResult))]
[JsonSerializable(typeof(ArmHistory))]
[JsonSerializable(typeof(SelectionOutput))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context responses use: like <see cref="JsonSerializerContext"/>'s default, but without escaping quotes and
    /// non-ASCII letters (<c>'</c> stays <c>'</c>). Safe because responses are <c>application/json</c>, never inlined in HTML.
    /// </summary>
    public static ApiJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
