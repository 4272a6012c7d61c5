using ClawLearn.Transcripts;

namespace ClawLearn.Wiki;

/// <summary>
/// Watches a session's records for what the wiki takes from conversation itself (the seed's "assistant turns: medium
/// signal"): the projects it talks about and, per run and per compaction, a conclusion. A conclusion is never the
/// conversation's own words (B9: never quote transcripts verbatim): it is written from what the run did, the projects
/// it named and the tools it used. User text is only matched against project names; tool results are never looked at.
/// </summary>
internal sealed class ConversationObserver(ProjectMatcher projects)
{
    private const int KeptConclusions = 3;
    private const int NamedTools = 4;

    private readonly HashSet<string> _projects = new(StringComparer.Ordinal);
    private readonly List<Conclusion> _conclusions = [];
    private readonly SortedSet<string> _runProjects = new(StringComparer.Ordinal);
    private readonly List<string> _runTools = [];
    private bool _inRun;
    private bool _noiseRun;
    private bool _troubled;
    private bool _answered;
    private long? _answerTime;

    public IReadOnlyCollection<string> Projects => _projects;

    public void Add(TranscriptRecord record)
    {
        switch (record)
        {
            case MetadataEntry { Type: "compaction" or "branch_summary", Summary: { Length: > 0 } summary } meta:
                var named = new SortedSet<string>(StringComparer.Ordinal);
                Match(summary, named);
                var branch = meta.Type == "branch_summary";
                Conclude(meta.TimestampMs, Describe(branch ? "Left a branch of the conversation" : "Compacted the context", named, []), branch);
                break;
            case Turn { Role: TurnRole.User } user:
                CloseRun();
                var text = ChatText.StripEnvelope(user.Text);
                (_inRun, _noiseRun, _troubled) = (true, ChatText.IsNoise(text), false);
                if (!_noiseRun) Match(text, _runProjects);
                break;
            case Turn { Role: TurnRole.Assistant } answer:
                if (answer.StopReason is "aborted" or "error") _troubled = true;
                foreach (var call in answer.ToolCalls.Where(c => !_runTools.Contains(c.Name, StringComparer.Ordinal))) _runTools.Add(call.Name);
                if (ChatText.IsNoise(answer.Text)) break;
                Match(answer.Text, _runProjects);
                (_answered, _answerTime) = (true, answer.TimestampMs);
                break;
        }
    }

    /// <summary>The session's last few conclusions, oldest first.</summary>
    public IReadOnlyList<Conclusion> Complete()
    {
        CloseRun();
        return _conclusions.Count > KeptConclusions ? _conclusions[^KeptConclusions..] : _conclusions;
    }

    private void CloseRun()
    {
        if (_inRun && !_noiseRun && _answered && (_runProjects.Count > 0 || _runTools.Count > 0))
            Conclude(_answerTime, Describe(_troubled ? "Stopped on an error" : "Worked", _runProjects, _runTools), _troubled);
        (_inRun, _answered, _answerTime) = (false, false, null);
        _runProjects.Clear();
        _runTools.Clear();
    }

    private void Conclude(long? timestampMs, string text, bool ambiguous)
    {
        // Runs that did the same thing say so once.
        if (_conclusions.Count > 0 && _conclusions[^1].Text == text && _conclusions[^1].Ambiguous == ambiguous) return;
        _conclusions.Add(new Conclusion(timestampMs, text, ambiguous));
    }

    // "Worked on home-assistant, using exec and read." from names this tool knows (project slugs from MEMORY.md, tool names).
    private static string Describe(string what, IEnumerable<string> projectSlugs, IReadOnlyList<string> tools)
    {
        var on = projectSlugs.ToList();
        var text = what + (on.Count > 0 ? " on " + PageBody.List(on) : "");
        if (tools.Count > 0)
        {
            var named = tools.Take(NamedTools).ToList();
            if (tools.Count > NamedTools) named.Add(PageBody.Count(tools.Count - NamedTools, "other tool"));
            text += ", using " + PageBody.List(named);
        }
        return Redactor.Redact(text + ".");
    }

    private void Match(string text, ISet<string> hits)
    {
        if (projects.IsEmpty) return;
        var found = new HashSet<string>(StringComparer.Ordinal);
        projects.Match(text.ToLowerInvariant(), found);
        hits.UnionWith(found);
        _projects.UnionWith(found);
    }
}
