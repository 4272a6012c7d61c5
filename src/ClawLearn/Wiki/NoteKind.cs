namespace ClawLearn.Wiki;

/// <summary>What a workspace markdown file is to the wiki, which decides the pages it feeds.</summary>
public enum NoteKind
{
    /// <summary>MEMORY.md (or memory.md): one topic page per <c>##</c> section, project pages from project subsections.</summary>
    Memory,
    /// <summary><c>memory/YYYY-MM-DD.md</c>: the journal, and the topic or project pages its headings name.</summary>
    Daily,
    /// <summary>DREAMS.md: reflections the journal shows when MEMORY.md does not already say them.</summary>
    Dreams,
    /// <summary><c>memory/YYYY-MM-DD-&lt;slug&gt;.md</c> from the session-memory hook: only its name and date are kept
    /// (its body is raw conversation).</summary>
    SessionSummary,
    /// <summary><c>memory/projects/&lt;name&gt;.md</c>: feeds the project page of that name.</summary>
    Project,
    /// <summary>Any other note under <c>memory/</c>: feeds the topic page of its name.</summary>
    Other,
}
