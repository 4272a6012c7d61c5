using ClawLearn.Transcripts;

namespace ClawLearn.Wiki;

/// <summary>
/// Watches a session's records for what the wiki takes from conversation itself (the seed's "assistant turns: medium
/// signal"): the projects it talks about, the gist of each run's last assistant answer, compaction summaries, and a
/// title. User text is only matched against project names and, failing every other title, shortened into one; tool
/// results are never looked at.
/// </summary>
internal sealed class ConversationObserver(ProjectMatcher projects)
{
    private const int KeptConclusions = 3;
    private const int MinConclusionChars = 25;

    private readonly HashSet<string> _projects = new(StringComparer.Ordinal);
    private readonly List<Conclusion> _conclusions = [];
    private string? _title;
    private string? _firstUser;
    private bool _inRun;
    private bool _noiseRun;
    private bool _troubled;
    private string? _lastAnswer;
    private long? _answerTime;

    public IReadOnlyCollection<string> Projects => _projects;

    public void Add(TranscriptRecord record)
    {
        switch (record)
        {
            case SessionTitle title:
                _title = ChatText.Clip(ChatText.Private(title.Name), 80);
                break;
            case MetadataEntry { Type: "compaction" or "branch_summary", Summary: { Length: > 0 } summary } meta:
                Match(summary);
                _conclusions.Add(new Conclusion(meta.TimestampMs, ChatText.Gist(ChatText.Private(summary)), meta.Type == "branch_summary"));
                break;
            case Turn { Role: TurnRole.User } user:
                CloseRun();
                var text = ChatText.StripEnvelope(user.Text);
                (_inRun, _noiseRun, _troubled) = (true, ChatText.IsNoise(text), false);
                if (_noiseRun) break;
                Match(text);
                _firstUser ??= text.Length > 0 ? ChatText.Clip(ChatText.Gist(ChatText.Private(text), 80), 60) : null;
                break;
            case Turn { Role: TurnRole.Assistant } answer:
                if (answer.StopReason is "aborted" or "error") _troubled = true;
                if (ChatText.IsNoise(answer.Text)) break;
                Match(answer.Text);
                (_lastAnswer, _answerTime) = (answer.Text, answer.TimestampMs);
                break;
        }
    }

    /// <summary>The session's title and its last few conclusions, oldest first.</summary>
    public (string? Title, IReadOnlyList<Conclusion> Conclusions) Complete()
    {
        CloseRun();
        var kept = _conclusions.Count > KeptConclusions ? _conclusions[^KeptConclusions..] : _conclusions;
        return (_title ?? _firstUser, kept);
    }

    private void CloseRun()
    {
        if (_inRun && !_noiseRun && _lastAnswer is { } answer)
        {
            // Redacted before it is cut: a clipped secret would be too short for its pattern and survive.
            var gist = ChatText.Gist(ChatText.Private(answer));
            if (gist.Length >= MinConclusionChars) _conclusions.Add(new Conclusion(_answerTime, gist, _troubled));
        }
        (_inRun, _lastAnswer, _answerTime) = (false, null, null);
    }

    private void Match(string text)
    {
        if (!projects.IsEmpty) projects.Match(text.ToLowerInvariant(), _projects);
    }
}
