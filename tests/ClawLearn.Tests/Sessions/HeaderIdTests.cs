using System.Text;
using System.Text.Json;
using ClawLearn.Sessions;

namespace ClawLearn.Tests.Sessions;

/// <summary>
/// A transcript's header id is read by one token pass; it must give what the document lookup it replaced gave
/// (<see cref="Reference"/>) for every first line, odd ones included.
/// </summary>
public class HeaderIdTests
{
    [Theory]
    [InlineData("""{"type":"session","version":3,"id":"abc","timestamp":"2026-01-01T00:00:00Z","cwd":"/x"}""", "abc")]
    [InlineData("""{"id":"abc","type":"session"}""", "abc")]
    [InlineData("""{"type":"session","id":"a","id":"b"}""", "b")]
    [InlineData("""{"type":"session","id":"a","id":7}""", null)]
    [InlineData("""{"type":"message","id":"abc"}""", null)]
    [InlineData("""{"type":"session","id":"abc","type":"message"}""", null)]
    [InlineData("""{"type":"message","type":"session","id":"abc"}""", "abc")]
    [InlineData("""{"type":"session","id":""}""", null)]
    [InlineData("""{"type":"session"}""", null)]
    [InlineData("""{"t\u0079pe":"sess\u0069on","\u0069d":"a\u00e9"}""", "aé")]
    [InlineData("""{"type":"session","id":"a\ud83d"}""", "a\uFFFD")]
    [InlineData("""{"\ud800":1,"type":"session","id":"x"}""", "x")]
    [InlineData("""{"type":"session","id":"x","nested":{"id":"y","type":"other"},"list":[{"id":"z"}]}""", "x")]
    [InlineData("""{"type":["session"],"id":"x"}""", null)]
    [InlineData("""{"type":"session","id":"x"} trailing""", null)]
    [InlineData("""{"type":"session","id":"x"}   """, "x")]
    [InlineData("""{"type":"session","id":"x",}""", null)]
    [InlineData("""{"type":"session","id":"x" /* c */}""", null)]
    [InlineData("""{"type":"session","id":"x" """, null)]
    [InlineData("""["session"]""", null)]
    [InlineData("""  "session" """, null)]
    [InlineData("", null)]
    [InlineData("not json", null)]
    public void The_header_id_is_what_the_document_lookup_gave(string line, string? id)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.Equal(id, SessionDiscovery.HeaderIdOf(bytes));
        if (!line.Contains(@"\ud800", StringComparison.Ordinal)) Assert.Equal(Reference(bytes), SessionDiscovery.HeaderIdOf(bytes));
    }

    // What discovery did before: parse the line as a document, then look the two fields up (the last of a name counts).
    // (A name escaped with an unpaired surrogate made that lookup throw; the token pass reads on.)
    private static string? Reference(byte[] line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.Str("type") == "session" && root.Str("id") is { Length: > 0 } id ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
