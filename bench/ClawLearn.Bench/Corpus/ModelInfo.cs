namespace ClawLearn.Bench.Corpus;

/// <summary>A model an assistant message names, with its API and list prices in dollars per million tokens.</summary>
internal sealed record ModelInfo(string Provider, string Model, string Api, string ToolCallPrefix,
    double InputPrice, double OutputPrice, double CacheReadPrice, double CacheWritePrice)
{
    /// <summary>Most sessions run on the first; the others appear as a session's model or after a model_change.</summary>
    public static readonly ModelInfo[] All =
    [
        new("anthropic", "claude-opus-4-5", "anthropic-messages", "toolu_", 5, 25, 0.5, 6.25),
        new("anthropic", "claude-sonnet-4-5", "anthropic-messages", "toolu_", 3, 15, 0.3, 3.75),
        new("openai", "gpt-5.2", "openai-responses", "call_", 1.75, 14, 0.175, 0),
        new("google", "gemini-2.5-pro", "google-generative-ai", "call_", 1.25, 10, 0.31, 0),
        new("anthropic", "claude-haiku-4-5", "anthropic-messages", "toolu_", 1, 5, 0.1, 1.25),
        new("openrouter", "deepseek/deepseek-v3.2", "openai-completions", "call_", 0.28, 0.42, 0.028, 0),
    ];

    /// <summary>Weighted pick: about two thirds Opus, then Sonnet, GPT, Gemini and a few cheap models.</summary>
    public static ModelInfo Pick(Random random) => random.Next(100) switch
    {
        < 62 => All[0],
        < 78 => All[1],
        < 88 => All[2],
        < 94 => All[3],
        < 98 => All[4],
        _ => All[5],
    };
}
