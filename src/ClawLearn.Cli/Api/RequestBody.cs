using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ClawLearn.Cli.Api;

/// <summary>Reads a JSON request body with a size cap, whatever server is underneath (Kestrel or a test host).</summary>
internal static class RequestBody
{
    public sealed record Result(JsonDocument? Document, IResult? Error);

    public static async Task<Result> ReadJsonAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes) return TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return new Result(null, ApiResults.Error(StatusCodes.Status400BadRequest, "the request body is empty; send a JSON object"));
        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind == JsonValueKind.Object) return new Result(document, null);
            document.Dispose();
            return new Result(null, ApiResults.Error(StatusCodes.Status400BadRequest, "the request body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return new Result(null, ApiResults.Error(StatusCodes.Status400BadRequest, $"invalid JSON: {e.Message}"));
        }
    }

    private static Result TooLarge(long maxBytes) =>
        new(null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {maxBytes:N0} bytes"));
}
