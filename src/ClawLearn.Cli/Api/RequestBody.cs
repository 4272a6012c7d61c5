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
            var bytes = buffer.ToArray();
            if (InvalidUtf8At(bytes) is { } at)
                return new Result(null, ApiResults.Error(StatusCodes.Status400BadRequest, $"the request body is not UTF-8: invalid bytes at byte {at}"));
            if (UndecodableString(bytes) is { } bad)
                return new Result(null, ApiResults.Error(StatusCodes.Status400BadRequest, $"invalid JSON: {bad}"));
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind == JsonValueKind.Object) return new Result(document, null);
            document.Dispose();
            return new Result(null, ApiResults.Error(StatusCodes.Status400BadRequest, "the request body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return new Result(null, ApiResults.Error(StatusCodes.Status400BadRequest, $"invalid JSON: {e.Message}"));
        }
    }

    // JSON text must be UTF-8 (RFC 8259), and the document parser does not check bytes it is not asked to decode: a
    // handler that later read such a string failed with a 500.
    private static long? InvalidUtf8At(byte[] body)
    {
        if (System.Text.Unicode.Utf8.IsValid(body)) return null;
        Span<char> sink = stackalloc char[1024];
        var offset = 0;
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(body.AsSpan(offset), sink, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) return offset;
        }
    }

    // A string or name whose escapes are not text (a surrogate escape that makes no pair, "\ud800"): JSON's grammar allows
    // it, but no handler can read it; the request is refused here instead of failing inside one. Invalid JSON is left to
    // the parse that follows, which names it.
    private static string? UndecodableString(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return $"a string at byte {reader.TokenStartIndex} has a surrogate escape (\\uD800-\\uDFFF) that makes no pair";
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static Result TooLarge(long maxBytes) =>
        new(null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {maxBytes:N0} bytes"));
}
