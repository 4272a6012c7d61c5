namespace ClawLearn.Wiki;

/// <summary>
/// The manifest's <c>source_type</c> values (openclaw-formats B3). The session index has no standard type; it is
/// recorded under a clearly non-standard one, as B3 suggests, because session names come from it.
/// </summary>
public static class SourceTypes
{
    public const string Memory = "openclaw_memory";
    public const string DailyNote = "openclaw_daily_note";
    public const string Dreams = "openclaw_dreams";
    public const string Session = "openclaw_session";
    public const string SessionIndex = "openclaw_session_index";

    /// <summary>Whether a manifest entry is one this tool wrote (others, from other ingesters, are left alone).</summary>
    public static bool IsOurs(string? type) => type is Memory or DailyNote or Dreams or Session or SessionIndex;
}
