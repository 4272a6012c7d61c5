namespace ClawLearn.Wiki;

/// <summary>Provenance of a claim (openclaw-formats B5): extracted carries no marker; the others end in a marker.</summary>
public enum ClaimKind
{
    Extracted,
    /// <summary><c>^[inferred]</c>: synthesised, generalised or taken from what an assistant said.</summary>
    Inferred,
    /// <summary><c>^[ambiguous]</c>: from a run that was aborted or failed, or an abandoned branch.</summary>
    Ambiguous,
}
