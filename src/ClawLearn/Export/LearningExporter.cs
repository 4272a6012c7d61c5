using System.Globalization;
using System.Text;
using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Storage;

namespace ClawLearn.Export;

/// <summary>
/// Writes traces and posteriors in the seed's formats (exports.txt, trace-contract 8), streaming: traces come
/// from the store one at a time, newest first (ties by trace id), with no cap. Posteriors are computed from the
/// stored traces and events, by mean descending (ties by arm id).
/// </summary>
public static class LearningExporter
{
    public const string TracesCsvHeader = "traceId,runId,sessionId,timestamp,provider,model,channel,isBaseline,totalTokens,durationMs,aborted";
    public const string PosteriorsCsvHeader = "armId,alpha,beta,mean,pulls,lastUpdated";

    public static void Write(Stream output, IEnumerable<RunTrace> tracesNewestFirst, Func<IReadOnlyList<Posterior>> posteriors, ExportOptions options)
    {
        switch (options.Format)
        {
            case ExportFormat.Csv:
                WriteCsv(output, tracesNewestFirst, posteriors, options);
                break;
            case ExportFormat.Ndjson:
                WriteNdjson(output, tracesNewestFirst);
                break;
            default:
                WriteJson(output, tracesNewestFirst, posteriors, options);
                break;
        }
    }

    private static void WriteJson(Stream output, IEnumerable<RunTrace> traces, Func<IReadOnlyList<Posterior>> posteriors, ExportOptions options)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        if (options.Traces)
        {
            writer.WriteStartArray("traces");
            foreach (var trace in traces)
            {
                JsonSerializer.Serialize(writer, trace, LearningJsonContext.Default.RunTrace);
                if (writer.BytesPending > 1 << 16) writer.Flush();
            }
            writer.WriteEndArray();
        }
        if (options.Posteriors)
        {
            writer.WriteStartArray("posteriors");
            foreach (var p in posteriors())
            {
                writer.WriteStartObject();
                writer.WriteString("armId", p.ArmId);
                writer.WritePropertyName("alpha");
                writer.WriteRawValue(Decimal(p.Alpha));
                writer.WritePropertyName("beta");
                writer.WriteRawValue(Decimal(p.Beta));
                writer.WriteNumber("pulls", p.Pulls);
                writer.WriteNumber("lastUpdated", p.LastUpdated);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteNdjson(Stream output, IEnumerable<RunTrace> traces)
    {
        using var writer = new Utf8JsonWriter(output);
        foreach (var trace in traces)
        {
            writer.Reset(output);
            JsonSerializer.Serialize(writer, trace, LearningJsonContext.Default.RunTrace);
            writer.Flush();
            output.WriteByte((byte)'\n');
        }
    }

    private static void WriteCsv(Stream output, IEnumerable<RunTrace> traces, Func<IReadOnlyList<Posterior>> posteriors, ExportOptions options)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (options.Traces)
        {
            writer.WriteLine(TracesCsvHeader);
            foreach (var t in traces)
            {
                writer.WriteLine(string.Join(',', Csv.Field(t.TraceId), Csv.Field(t.RunId), Csv.Field(t.SessionId), Csv.Number(t.Timestamp),
                    Csv.Field(t.Provider), Csv.Field(t.Model), Csv.Field(t.Channel), Csv.Bool(t.IsBaseline), Csv.Number(t.Usage?.Total),
                    Csv.Number(t.DurationMs), Csv.Bool(t.Aborted)));
            }
        }
        if (options.Posteriors)
        {
            writer.WriteLine(PosteriorsCsvHeader);
            foreach (var p in posteriors())
            {
                writer.WriteLine(string.Join(',', Csv.Field(p.ArmId), Csv.Fixed4(p.Alpha), Csv.Fixed4(p.Beta), Csv.Fixed4(p.Mean),
                    Csv.Number(p.Pulls), Csv.Number(p.LastUpdated)));
            }
        }
    }

    // The seed writes whole numbers as 142.0; other values in their shortest round-trip form.
    private static string Decimal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
