using System.Text;
using ClawLearn.Transcripts;

namespace ClawLearn.Tests.Transcripts;

internal static class TranscriptTestHelpers
{
    public static (List<TranscriptRecord> Records, TranscriptReadStats Stats) Read(byte[] bytes, LineReaderOptions options = default, long start = 0)
    {
        var stats = new TranscriptReadStats();
        var records = JsonlTranscriptReader.Read(new MemoryStream(bytes), stats, options, start).ToList();
        return (records, stats);
    }

    public static (List<TranscriptRecord> Records, TranscriptReadStats Stats) Read(string text, LineReaderOptions options = default) =>
        Read(Encoding.UTF8.GetBytes(text), options);

    public static List<Turn> Turns(this IEnumerable<TranscriptRecord> records) => records.OfType<Turn>().ToList();
}
