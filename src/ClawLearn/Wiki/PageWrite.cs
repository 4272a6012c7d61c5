namespace ClawLearn.Wiki;

/// <summary>What writing a page came to.</summary>
public enum PageWrite
{
    Unchanged,
    Created,
    Updated,

    /// <summary>Left untouched: the page has a begin marker without an end marker (or the reverse).</summary>
    BrokenMarkers,
}
