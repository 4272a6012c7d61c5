using System.Collections.Concurrent;
using ClawLearn.Learning;
using ClawLearn.Workspace;

namespace ClawLearn.Runs;

/// <summary>
/// What a run can reference, taken from the agent's workspace as it is now: bootstrap file names, MEMORY.md
/// section lines and daily-note lines (trace-contract 6). Daily notes are loaded lazily by date.
/// </summary>
public sealed class ReferenceTargets
{
    private readonly LineMatcher _memory;
    private readonly Func<DateOnly, string?> _readNote;
    private readonly ConcurrentDictionary<DateOnly, (LineMatcher Lines, string FileName)?> _notes = [];

    public ReferenceTargets(IEnumerable<MemorySection> sections, IEnumerable<DateOnly> noteDates, Func<DateOnly, string?> readNote)
    {
        _memory = new LineMatcher(sections.SelectMany(s => s.Lines.Select(l => (s.ArmId, LineMatcher.Significant(l)))));
        NoteDates = noteDates.ToHashSet();
        _readNote = readNote;
    }

    public static ReferenceTargets None { get; } = new([], [], _ => null);

    public IReadOnlySet<DateOnly> NoteDates { get; }

    public void MatchMemory(ReadOnlySpan<char> lowerText, HashSet<string> hits) => _memory.Match(lowerText, hits);

    /// <summary>Adds <c>memory:daily:&lt;date&gt;</c> when a line of that note, or its file name, occurs in the text.</summary>
    public void MatchDailyNote(DateOnly date, ReadOnlySpan<char> lowerText, HashSet<string> hits)
    {
        if (!NoteDates.Contains(date)) return;
        // Ingest matches runs of several sessions at once: a note's matcher is built once, under the lock, and then
        // only read, without the lock (taking it for every run had the reading threads queue on it).
        if (!_notes.TryGetValue(date, out var note))
        {
            lock (_notes)
            {
                note = _notes.GetOrAdd(date, d => _readNote(d) is { } text
                    ? (new LineMatcher(text.Split('\n').Select(l => (ArmId.DailyNote(d), LineMatcher.Significant(l)))), $"{d:yyyy-MM-dd}.md")
                    : null);
            }
        }
        if (note is not { } n) return;
        if (lowerText.IndexOf(n.FileName, StringComparison.Ordinal) >= 0) hits.Add(ArmId.DailyNote(date));
        else n.Lines.Match(lowerText, hits);
    }
}
