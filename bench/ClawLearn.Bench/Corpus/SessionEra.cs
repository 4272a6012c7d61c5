namespace ClawLearn.Bench.Corpus;

/// <summary>How and where a generated session is stored (openclaw-formats A3, and the 2026.8 SQLite store).</summary>
internal enum SessionEra
{
    /// <summary><c>agents/&lt;id&gt;/sessions/&lt;uuid&gt;.jsonl</c>.</summary>
    Jsonl,
    /// <summary><c>&lt;uuid&gt;-topic-&lt;thread&gt;.jsonl</c>: a Telegram forum topic.</summary>
    Topic,
    /// <summary><c>&lt;ISO&gt;_&lt;uuid&gt;.jsonl</c>: a pi-style thread fork whose header names its parent.</summary>
    Fork,
    /// <summary>Rows of <c>transcript_events</c> in <c>agents/&lt;id&gt;/agent/openclaw-agent.sqlite</c>.</summary>
    Sqlite,
    /// <summary><c>&lt;uuid&gt;.jsonl.reset.&lt;ts&gt;</c>: archived by <c>/new</c>; ingest skips it by default.</summary>
    ResetArchive,
    /// <summary><c>&lt;uuid&gt;.jsonl.deleted.&lt;ts&gt;</c>: soft-deleted; ingest skips it by default.</summary>
    DeletedArchive,
}
