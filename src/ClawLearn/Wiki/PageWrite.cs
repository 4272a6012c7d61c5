namespace ClawLearn.Wiki;

/// <summary>What writing a page came to.</summary>
public enum PageWrite
{
    Unchanged,
    Created,
    Updated,
}
