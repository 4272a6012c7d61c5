using System.Text.Json;
using ClawLearn.Export;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Learning;

public class ExportTests : IClassFixture<ExportTests.Ingested>
{
    public sealed class Ingested : IDisposable
    {
        public Ingested()
        {
            Harness = new LearningHarness();
            Harness.Ingest();
        }

        public LearningHarness Harness { get; }
        public void Dispose() => Harness.Dispose();
    }

    private readonly LearningHarness _harness;

    public ExportTests(Ingested data) => _harness = data.Harness;

    [Fact]
    public void Json_export_matches_golden() => Golden.Match("export-main.json", _harness.Export("main"));

    [Fact]
    public void Csv_export_matches_golden() => Golden.Match("export-main.csv", _harness.Export("main", ExportFormat.Csv));

    [Theory]
    [InlineData("main")]
    [InlineData("ops")]
    [InlineData("research")]
    public void Json_export_validates_against_the_schema_in_the_repo(string agent)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "export.schema.json")));
        using var export = JsonDocument.Parse(_harness.Export(agent));
        Assert.Empty(new JsonSchemaValidator(schema.RootElement).Validate(export.RootElement));
    }

    [Fact]
    public void The_schema_validator_rejects_what_the_schema_forbids()
    {
        // Guards the test above: a validator that accepted everything would make it pass vacuously.
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "export.schema.json")));
        using var bad = JsonDocument.Parse("""{"traces":[{"traceId":"x"}],"posteriors":[{"armId":"tool:a:b","alpha":0,"beta":1,"pulls":-1,"lastUpdated":1,"extra":1}],"other":1}""");
        var errors = new JsonSchemaValidator(schema.RootElement).Validate(bad.RootElement);
        Assert.Contains(errors, e => e.Contains("unexpected property 'other'"));
        Assert.Contains(errors, e => e.Contains("missing required 'runId'"));
        Assert.Contains(errors, e => e.Contains("does not match"));
        Assert.Contains(errors, e => e.Contains("alpha: 0 <= 0"));
        Assert.Contains(errors, e => e.Contains("unexpected property 'extra'"));
    }

    [Fact]
    public void Null_fields_are_written_and_parts_can_be_left_out()
    {
        var json = _harness.Export("main");
        Assert.Contains("\"error\": null", json);
        Assert.Contains("\"sessionKey\": null", json);
        using (var onlyPosteriors = JsonDocument.Parse(_harness.Export("main", traces: false)))
            Assert.Equal(["posteriors"], onlyPosteriors.RootElement.EnumerateObject().Select(p => p.Name));
        using (var onlyTraces = JsonDocument.Parse(_harness.Export("main", posteriors: false)))
            Assert.Equal(["traces"], onlyTraces.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("{}\n", _harness.Export("main", traces: false, posteriors: false));
        var csv = _harness.Export("main", ExportFormat.Csv, traces: false);
        Assert.StartsWith(LearningExporter.PosteriorsCsvHeader + "\n", csv);
        Assert.DoesNotContain("traceId", csv);
    }

    [Fact]
    public void Traces_come_newest_first_and_posteriors_by_mean()
    {
        using var doc = JsonDocument.Parse(_harness.Export("main"));
        var times = doc.RootElement.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("timestamp").GetInt64()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        var means = doc.RootElement.GetProperty("posteriors").EnumerateArray()
            .Select(p => p.GetProperty("alpha").GetDouble() / (p.GetProperty("alpha").GetDouble() + p.GetProperty("beta").GetDouble())).ToList();
        Assert.Equal(means.OrderDescending(), means);
    }

    [Fact]
    public void Ndjson_has_one_trace_per_line_matching_the_json_export()
    {
        var lines = _harness.Export("main", ExportFormat.Ndjson).TrimEnd('\n').Split('\n');
        using var doc = JsonDocument.Parse(_harness.Export("main"));
        var traces = doc.RootElement.GetProperty("traces").EnumerateArray().ToList();
        Assert.Equal(traces.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(traces[i].GetProperty("traceId").GetString(), line.RootElement.GetProperty("traceId").GetString());
        }
    }

    [Fact]
    public void Csv_numbers_use_four_decimals_and_unknown_values_stay_empty()
    {
        var csv = _harness.Export("main", ExportFormat.Csv).Split('\n');
        Assert.Equal(LearningExporter.TracesCsvHeader, csv[0]);
        var legacy = csv.Single(l => l.Contains("legacy-2025-12-30"));
        Assert.EndsWith(",,,,1,,5000,0", legacy); // provider, model, channel, totalTokens unknown
        var posterior = csv.SkipWhile(l => l != LearningExporter.PosteriorsCsvHeader).Skip(1).First();
        Assert.Matches(@"^[^,]+,\d+\.\d{4},\d+\.\d{4},0\.\d{4},\d+,\d+$", posterior);
    }

    [Fact]
    public void Csv_fields_are_quoted_per_rfc_4180() =>
        Assert.Equal(["plain", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"cr\rhere\"", ""],
            new[] { "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", null }.Select(Csv.Field));

    [Fact]
    public void An_independent_recomputation_from_the_exported_traces_matches_the_exported_posteriors()
    {
        foreach (var agent in new[] { "main", "ops", "research" })
        {
            using var doc = JsonDocument.Parse(_harness.Export(agent));
            var expected = Recompute(doc.RootElement.GetProperty("traces"));
            var actual = doc.RootElement.GetProperty("posteriors").EnumerateArray().ToDictionary(
                p => p.GetProperty("armId").GetString()!,
                p => (p.GetProperty("alpha").GetDouble(), p.GetProperty("beta").GetDouble(), p.GetProperty("pulls").GetInt64(), p.GetProperty("lastUpdated").GetInt64()));
            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    // Written from trace-contract section 7 alone, sharing no code with PosteriorCalculator.
    private static Dictionary<string, (double Alpha, double Beta, long Pulls, long LastUpdated)> Recompute(JsonElement traces)
    {
        var state = new Dictionary<string, (double Alpha, double Beta, long Pulls, long LastUpdated)>();
        var ordered = traces.EnumerateArray()
            .OrderBy(t => t.GetProperty("timestamp").GetInt64()).ThenBy(t => t.GetProperty("traceId").GetString(), StringComparer.Ordinal);
        foreach (var trace in ordered)
        {
            var ts = trace.GetProperty("timestamp").GetInt64();
            var arms = trace.GetProperty("arms").EnumerateArray().ToList();
            var usedRealTool = arms.Any(a => a.GetProperty("referenced").GetBoolean()
                && a.GetProperty("armId").GetString()!.Split(':') is ["tool", _, var name] && name != "message");
            var observed = !trace.GetProperty("aborted").GetBoolean() && trace.GetProperty("error").ValueKind == JsonValueKind.Null && usedRealTool;
            foreach (var arm in arms)
            {
                var id = arm.GetProperty("armId").GetString()!;
                if (!state.TryGetValue(id, out var s)) s = (id.StartsWith("file:", StringComparison.Ordinal) ? 1.0 : 3.0, 1.0, 0, ts);
                if (observed && arm.GetProperty("included").GetBoolean())
                {
                    s = arm.GetProperty("referenced").GetBoolean() ? (s.Alpha + 1, s.Beta, s.Pulls + 1, ts) : (s.Alpha, s.Beta + 1, s.Pulls + 1, ts);
                }
                else if (s.Pulls == 0)
                {
                    s.LastUpdated = ts;
                }
                state[id] = s;
            }
        }
        return state;
    }
}
