using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClawLearn.StateDir;

namespace ClawLearn.Wiki;

/// <summary>
/// Reads one workspace markdown file (through <see cref="SafeFileAccess"/>, whole: memory files are small), hashes its
/// bytes and keeps its redacted outline. Session-memory hook files keep only their name and date: their body is raw
/// <c>user:</c>/<c>assistant:</c> conversation, which must not reach the vault.
/// </summary>
public static partial class WorkspaceDocReader
{
    public static (WorkspaceDoc Doc, string Hash) Read(SafeFileAccess files, SourcePaths paths, string agentId, string path, NoteKind kind,
        DateOnly? date, string name)
    {
        using var stream = files.OpenRead(path, 1 << 14);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var hash = ContentHash.Of(bytes);
        var outline = OutlineParser.Parse(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'));
        if (kind == NoteKind.SessionSummary) outline = new Outline(outline.Title, [], []);
        return (new WorkspaceDoc(paths.Key(path), paths.Ref(path), agentId, kind, date, name, outline), hash);
    }

    /// <summary>What a note under <c>memory/</c> (other than <c>YYYY-MM-DD.md</c>) is, from its path relative to that folder.</summary>
    public static (NoteKind Kind, DateOnly? Date, string Name) Classify(string relative)
    {
        var stem = relative[..^3];
        if (DatedSlug().Match(stem) is { Success: true } m
            && DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (NoteKind.SessionSummary, day, m.Groups[2].Value);
        var parts = stem.Split('/');
        if (parts.Length >= 2 && parts[^2].Equals("projects", StringComparison.OrdinalIgnoreCase)) return (NoteKind.Project, null, parts[^1]);
        return (NoteKind.Other, null, parts[^1]);
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})-(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatedSlug();
}
