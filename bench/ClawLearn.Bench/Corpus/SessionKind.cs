namespace ClawLearn.Bench.Corpus;

/// <summary>What a session is for, which fixes its key shape, its channel and how its user turns read.</summary>
internal enum SessionKind
{
    /// <summary><c>agent:main:main</c>: the main direct chat (the runaway file).</summary>
    Main,
    /// <summary><c>agent:&lt;id&gt;:&lt;channel&gt;:dm:&lt;peer&gt;</c>.</summary>
    Direct,
    /// <summary><c>agent:&lt;id&gt;:telegram:group:&lt;chat&gt;</c> or a Discord/Slack channel.</summary>
    Group,
    /// <summary><c>…:group:&lt;chat&gt;:topic:&lt;thread&gt;</c>.</summary>
    Topic,
    /// <summary><c>…:channel:&lt;id&gt;:thread:&lt;thread&gt;</c>, stored as a fork.</summary>
    Thread,
    /// <summary><c>agent:&lt;id&gt;:subagent:&lt;uuid&gt;</c>.</summary>
    Subagent,
    /// <summary><c>agent:&lt;id&gt;:cron:&lt;job&gt;:run:&lt;run&gt;</c>.</summary>
    Cron,
    /// <summary><c>agent:&lt;id&gt;:hook:&lt;uuid&gt;</c>.</summary>
    Hook,
}
