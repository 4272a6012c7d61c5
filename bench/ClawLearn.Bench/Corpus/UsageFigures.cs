using System.Text.Json;

namespace ClawLearn.Bench.Corpus;

/// <summary>
/// An assistant message's <c>usage</c> with varied token counts and the cost they come to at the model's list
/// price, written the way pi writes it: integer tokens and unrounded dollar doubles (0.0123456…).
/// </summary>
internal static class UsageFigures
{
    public static void Write(Utf8JsonWriter w, Random random, ModelInfo model, int outputHint)
    {
        // Most turns hit a warm prompt cache: small fresh input, a large cached read, sometimes a cache write.
        var cached = random.Next(10) < 8;
        long input = cached ? random.Next(30, 4_000) : random.Next(2_000, 60_000);
        long cacheRead = cached ? random.Next(8_000, 180_000) : 0;
        long cacheWrite = model.CacheWritePrice > 0 && random.Next(4) == 0 ? random.Next(500, 25_000) : 0;
        long output = Math.Max(1, outputHint / 4 + random.Next(0, 400));
        var cost = (Input: input * model.InputPrice / 1e6, Output: output * model.OutputPrice / 1e6,
            CacheRead: cacheRead * model.CacheReadPrice / 1e6, CacheWrite: cacheWrite * model.CacheWritePrice / 1e6);
        w.WriteStartObject("usage");
        w.WriteNumber("input", input);
        w.WriteNumber("output", output);
        w.WriteNumber("cacheRead", cacheRead);
        w.WriteNumber("cacheWrite", cacheWrite);
        w.WriteNumber("totalTokens", input + output + cacheRead + cacheWrite);
        w.WriteStartObject("cost");
        w.WriteNumber("input", cost.Input);
        w.WriteNumber("output", cost.Output);
        w.WriteNumber("cacheRead", cost.CacheRead);
        w.WriteNumber("cacheWrite", cost.CacheWrite);
        w.WriteNumber("total", cost.Input + cost.Output + cost.CacheRead + cost.CacheWrite);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
