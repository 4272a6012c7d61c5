namespace ClawLearn.Wiki;

/// <summary>A DREAMS.md line that MEMORY.md does not already say, with the date of the entry it sits under.</summary>
public sealed record Reflection(string AgentId, string Ref, DateOnly? Date, string Text);
