namespace ClawLearn.Wiki;

/// <summary>The pages a vault should hold, with the model and clusters they were built from (hot.md reads them too).</summary>
public sealed record WikiPlan(IReadOnlyList<WikiPage> Pages, PageContext Context);
