using System.Text.RegularExpressions;

namespace ClawLearn.Sessions;

/// <summary>
/// What a transcript file name says (openclaw-formats A3): live or archived, the session id it implies
/// (without a <c>-topic-&lt;thread&gt;</c> suffix or a pi-style <c>&lt;ISO&gt;_</c> prefix) and the thread id.
/// </summary>
public sealed partial record TranscriptFileName(string StemSessionId, string? ThreadId, bool IsFork, string? ArchiveKind)
{
    /// <summary>Parses a file name; null when it is not a transcript (or is one ClawLearn never reads).</summary>
    public static TranscriptFileName? Parse(string fileName)
    {
        string stem;
        string? archive = null;
        if (fileName.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            stem = fileName[..^".jsonl".Length];
        }
        else if (Archive().Match(fileName) is { Success: true } m)
        {
            stem = m.Groups["stem"].Value;
            archive = m.Groups["kind"].Value;
        }
        else
        {
            return null;
        }
        if (stem.Length == 0) return null;

        string? thread = null;
        var topic = stem.LastIndexOf("-topic-", StringComparison.Ordinal);
        if (topic > 0)
        {
            thread = Uri.UnescapeDataString(stem[(topic + "-topic-".Length)..]);
            stem = stem[..topic];
        }
        var isFork = false;
        if (ForkPrefix().Match(stem) is { Success: true } fork)
        {
            stem = fork.Groups["id"].Value;
            isFork = true;
        }
        return new TranscriptFileName(stem, thread, isFork, archive);
    }

    [GeneratedRegex(@"^(?<stem>.+)\.jsonl\.(?<kind>deleted|reset)\.[^/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Archive();

    // pi-style names: 2026-02-10T08-30-00-000Z_<uuid>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T[0-9-]+Z?_(?<id>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ForkPrefix();
}
