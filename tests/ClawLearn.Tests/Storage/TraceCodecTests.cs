using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Storage;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Storage;

/// <summary>The compact stored form of a trace: every field survives, and it is much smaller than the JSON.</summary>
public sealed class TraceCodecTests
{
    private static ArmNumbers Numbered(params string[] armIds)
    {
        var numbers = new ArmNumbers();
        for (var i = 0; i < armIds.Length; i++) numbers.Add(i + 1, armIds[i]);
        return numbers;
    }

    private static RunTrace First => Samples[0];

    public static TheoryData<RunTrace> Traces() => new(Samples);

    private static readonly RunTrace[] Samples =
    [
        new RunTrace("tr_1", "run_1", "s1", "agent:main:main", 1_763_000_000_000, "anthropic", "claude", "webchat", true,
            new TraceContext("agent:main:main", "webchat", "anthropic", "claude"),
            [new ArmOutcome("tool:web:web_search", true, true, 120), new ArmOutcome("memory:prefs", false, false, 0)],
            new TraceUsage(1, 2, 3, 4, 10), 500, 1000, false, null),
        // Nulls everywhere they are allowed, a context of its own, negative and extreme numbers, non-ASCII text.
        new RunTrace("tr_ä", "run_ä", "séssion", null, -5, null, null, null, false,
            new TraceContext("other", null, "openai", null), [], null, null, long.MinValue, true, "Fehler: „abgebrochen“ 🚫"),
        new RunTrace("tr_3", "run_3", "s3", "k", long.MaxValue, "p", "m", "c", true, new TraceContext("k", "c", "p", "m"),
            [new ArmOutcome("memory:prefs", true, false, int.MaxValue), new ArmOutcome("tool:web:web_search", false, true, -1)],
            new TraceUsage(long.MaxValue, long.MinValue, 0, -1, 1), 0, 0, false, ""),
    ];

    [Theory]
    [MemberData(nameof(Traces))]
    public void Every_field_round_trips(RunTrace trace)
    {
        var numbers = Numbered("tool:web:web_search", "memory:prefs");
        var bytes = TraceCodec.Encode(trace, numbers)!;
        Assert.Equal(trace, TraceCodec.Decode(bytes, numbers)!, new TraceJsonComparer());
    }

    [Fact]
    public void After_the_dictionary_is_cleared_an_arm_is_encoded_with_its_new_number()
    {
        var numbers = Numbered("tool:web:web_search", "memory:prefs");
        var before = TraceCodec.Encode(First, numbers)!; // the numbers are now cached on this thread
        numbers.Clear(); // as after a rolled-back transaction
        Assert.Null(TraceCodec.Encode(First, numbers));
        numbers.Add(7, "memory:prefs");
        numbers.Add(8, "tool:web:web_search");
        var after = TraceCodec.Encode(First, numbers)!;
        Assert.NotEqual(before, after);
        Assert.Equal(First, TraceCodec.Decode(after, numbers)!, new TraceJsonComparer());
        // Another dictionary never answers from this one's cache.
        Assert.Equal(before, TraceCodec.Encode(First, Numbered("tool:web:web_search", "memory:prefs")));
    }

    [Fact]
    public void An_arm_without_a_number_is_reported_not_guessed()
    {
        var trace = First;
        var numbers = Numbered("tool:web:web_search");
        Assert.Null(TraceCodec.Encode(trace, numbers));
        Assert.Equal(["memory:prefs"], TraceCodec.UnnumberedArms(trace, numbers));
        var bytes = TraceCodec.Encode(trace, Numbered("tool:web:web_search", "memory:prefs"))!;
        Assert.Null(TraceCodec.Decode(bytes, numbers)); // the reader's dictionary is behind: it must reload, not misname
    }

    [Fact]
    public void Truncated_or_overlong_bytes_are_a_corrupt_store()
    {
        var numbers = Numbered("tool:web:web_search", "memory:prefs");
        var bytes = TraceCodec.Encode(First, numbers)!;
        Assert.Throws<StoreException>(() => TraceCodec.Decode(bytes.AsSpan(0, bytes.Length - 1), numbers));
        Assert.Throws<StoreException>(() => TraceCodec.Decode([.. bytes, 0], numbers));
        Assert.Contains("version 9", Assert.Throws<StoreException>(() => TraceCodec.Decode([9, .. bytes[1..]], numbers)).Message);
    }

    [Fact]
    public void A_run_with_a_hundred_and_fifty_arms_stores_in_a_tenth_of_its_json()
    {
        var ids = Enumerable.Range(0, 150).Select(i => i % 2 == 0 ? $"skill:workspace:skill-number-{i}" : $"tool:web:tool_number_{i}").ToArray();
        var trace = new RunTrace("tr_0123456789abcdef", "run_0123456789abcdef", "4f1c2b7e-0000-4000-8000-000000000000", "agent:main:main",
            1_763_000_000_000, "anthropic", "claude-sonnet-4", "webchat", true, new TraceContext("agent:main:main", "webchat", "anthropic", "claude-sonnet-4"),
            ids.Select((id, i) => new ArmOutcome(id, true, i % 7 == 0, 100 + i * 13)).ToList(), new TraceUsage(12000, 800, 40000, 2000, 54800),
            91_000, 48_000, false, null);
        var bytes = TraceCodec.Encode(trace, Numbered(ids))!;
        var json = JsonSerializer.SerializeToUtf8Bytes(trace, LearningJsonContext.Default.RunTrace);
        Assert.True(bytes.Length * 10 < json.Length, $"{bytes.Length} bytes stored for {json.Length} bytes of JSON");
    }
}
