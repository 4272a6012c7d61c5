using System.Text;
using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Runs;
using ClawLearn.Storage;

namespace ClawLearn.Tests.Storage;

/// <summary>The hand-written reader of stored run facts must read back exactly what the generated serialiser writes.</summary>
public sealed class StoredFactsTests
{
    [Fact]
    public void Random_facts_read_back_exactly_what_was_written()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var written = JsonSerializer.SerializeToUtf8Bytes(RandomFacts(random), LearningJsonContext.Default.RunFacts);
            var read = StoredFacts.Read(written);
            // Written again, the facts must give the same bytes: a field the reader misses (say, one added to RunFacts
            // later) shows up here.
            Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(read, LearningJsonContext.Default.RunFacts)));
        }
    }

    [Fact]
    public void Properties_in_any_order_unknown_ones_and_escapes_are_read_as_the_deserialiser_reads_them()
    {
        var json = """{"future":{"a":[1,2]},"toolsCalled":["exec","we\"ird\u00e9"],"usage":{"total":5,"input":1,"extra":true,"output":2,"cacheRead":0,"cacheWrite":2},"sessionId":"s\u002d1","\u0061gentId":"main","userIndex":3,"position":10,"userTimeMs":null,"firstTimeMs":1700000000000,"lastTimeMs":1700000001000,"provider":"anthropic","model":null,"priorProvider":null,"priorModel":null,"hasAssistant":true,"aborted":false,"error":"boom","skillsReferenced":[],"filesReferenced":["SOUL.md"],"memoryReferenced":[],"timestamp":1700000000000}"""u8;
        var expected = JsonSerializer.Deserialize(json, LearningJsonContext.Default.RunFacts)!;
        Assert.Equal(JsonSerializer.Serialize(expected, LearningJsonContext.Default.RunFacts),
            JsonSerializer.Serialize(StoredFacts.Read(json), LearningJsonContext.Default.RunFacts));
    }

    [Theory]
    [InlineData("""{"agentId":"main","userIndex":"three"}""")]
    [InlineData("""{"agentId":"main","toolsCalled":{}}""")]
    [InlineData("""{"agentId":"main",""")]
    [InlineData("""[]""")]
    public void Corrupt_facts_are_a_JSON_error(string json) =>
        Assert.ThrowsAny<JsonException>(() => StoredFacts.Read(Encoding.UTF8.GetBytes(json)));

    private static RunFacts RandomFacts(Random random)
    {
        string? Maybe(string value) => random.Next(3) == 0 ? null : value;
        long? Time() => random.Next(4) == 0 ? null : 1_700_000_000_000 + random.NextInt64(0, 100_000_000_000);
        List<string> Names(string prefix) => Enumerable.Range(0, random.Next(4)).Select(k => $"{prefix}{k}\"é\n{random.Next(100)}").ToList();
        return new RunFacts("main", $"s-{random.Next(1000)}", random.Next(500), random.NextInt64(0, 1L << 40), Time(), Time(), Time(),
            Maybe("anthropic"), Maybe("claude-opus-4-5"), Maybe("openai"), Maybe("gpt-5"), random.Next(2) == 0,
            random.Next(3) == 0 ? null : new TraceUsage(random.Next(10_000), random.Next(1000), random.Next(100_000), random.Next(100), random.Next(200_000)),
            random.Next(2) == 0, Maybe("rate limited"), Names("tool"), Names("skill"), Names("FILE.md"), Names("memory:"));
    }
}
