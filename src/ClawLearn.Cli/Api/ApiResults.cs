using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace ClawLearn.Cli.Api;

/// <summary>JSON results with source-generated type info, and the one shape every error has.</summary>
internal static class ApiResults
{
    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        Results.Json(value, type, contentType: "application/json; charset=utf-8", statusCode: status);

    public static IResult Error(int status, string message) => Json(new ApiError(message), ApiJsonContext.Api.ApiError, status);

    /// <summary>Writes an error from middleware, where no endpoint runs.</summary>
    public static Task WriteError(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new ApiError(message), ApiJsonContext.Api.ApiError));
    }
}
