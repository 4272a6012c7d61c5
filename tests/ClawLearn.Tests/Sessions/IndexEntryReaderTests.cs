using System.Text;
using System.Text.Json;
using ClawLearn.Sessions;
using ClawLearn.Tests.Sessions.Reference;

namespace ClawLearn.Tests.Sessions;

/// <summary>
/// The one-pass map-entry reader gives exactly what the document lookups it replaced gave (kept as
/// <see cref="ReferenceIndexEntry"/>): same entry or none, same fields, the prompt report's names in the same order,
/// and an error for the same broken entries.
/// </summary>
public class IndexEntryReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_entries_read_the_same_as_with_document_lookups(int seed)
    {
        var entries = new RandomIndexEntries(seed);
        var (found, broken) = (0, 0);
        for (var i = 0; i < 4000; i++)
        {
            var json = entries.Next();
            var expected = Describe(() => Reference(json));
            Assert.True(expected == Describe(() => Actual(json)), $"entry {i}: {Encoding.UTF8.GetString(json)}\nexpected {expected}\nactual   {Describe(() => Actual(json))}");
            if (expected.StartsWith("entry", StringComparison.Ordinal)) found++;
            if (expected.StartsWith("throws", StringComparison.Ordinal)) broken++;
        }
        // The generator is only useful if it makes plenty of each.
        Assert.True(found > 500, $"{found} entries");
        Assert.True(broken > 50, $"{broken} broken");
    }

    [Theory]
    // A name escaped with a surrogate that makes no pair matches nothing, and reading goes on past it.
    [InlineData("""{"sessionId":"s","\ud83d0123456789":0,"label":"L"}""")]
    [InlineData("""{"\ud83d0123456789":0,"sessionId":"s"}""")]
    [InlineData("""{"sessionId":"s","systemPromptReport":{"tools":{"entries":[{"\ud83dxxxxxxxxxxx":1,"name":"t","schemaChars":4}]}}}""")]
    [InlineData("""{"sessionId":"s","systemPromptReport":{"tools":{"entries":[{"name":"\ud83d\u0041"},{"name":"a\\b"}]}},"skillsSnapshot":{"skills":[{"name":"\udc00"},{"name":"t"}]}}""")]
    // Not an entry: nothing, or an error when it is broken too.
    [InlineData("[1,")]
    [InlineData("\"x\" y")]
    [InlineData("1 2")]
    [InlineData("[1]")]
    [InlineData("")]
    [InlineData("{\"sessionId\":\"s\"} // c")]
    public void Odd_entries_read_the_same_as_with_document_lookups(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = Describe(() => Reference(bytes));
        Assert.Equal(expected, Describe(() => Actual(bytes)));
        if (json.Contains("\\ud83d0123456789", StringComparison.Ordinal)) Assert.StartsWith("entry", expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agent:ops:telegram:dm:1", "ops")]
    [InlineData("agent:ops", "ops")]
    [InlineData("agent::x", null)]
    [InlineData("agent:", null)]
    [InlineData("agents:ops:x", null)]
    [InlineData("main", null)]
    public void The_agent_comes_from_the_key(string key, string? agent) => Assert.Equal(agent, IndexEntryReader.AgentFromKey(key));

    private static SessionIndexEntry? Reference(byte[] json)
    {
        using var document = JsonDocument.Parse(json, JsonStreamWalker.DocumentOptions);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? ReferenceIndexEntry.EntryFromMap("agent:ops:telegram:1", document.RootElement, "main", new StringPool())
            : null;
    }

    private static SessionIndexEntry? Actual(byte[] json) =>
        IndexEntryReader.FromMap("agent:ops:telegram:1", json, "main", new StringPool());

    private static string Describe(Func<SessionIndexEntry?> read)
    {
        try
        {
            return read() is { } e ? "entry " + Describe(e) : "none";
        }
        catch (Exception e)
        {
            return $"throws {(e is JsonException ? nameof(JsonException) : e.GetType().Name)}";
        }
    }

    private static string Describe(SessionIndexEntry e)
    {
        var text = new StringBuilder($"{e with { Report = null }} given={e.GivenName}");
        if (e.Report is { } r)
        {
            text.Append($" report: prompt={r.SystemPromptChars} tools=[{string.Join(", ", r.ToolSchemaChars.Select(t => $"{t.Key}={t.Value}"))}]");
            text.Append($" skills=[{string.Join(", ", r.SkillChars.Select(t => $"{t.Key}={t.Value}"))}]");
            text.Append($" files=[{string.Join(", ", r.InjectedFiles)}]");
        }
        return text.ToString();
    }
}
