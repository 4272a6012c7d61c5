namespace ClawLearn.Sessions;

/// <summary>A session index as read: its shape, its entries, and the reason it could not be read, if any.</summary>
public sealed record SessionIndex(SessionIndexShape Shape, IReadOnlyList<SessionIndexEntry> Entries, string? Problem);
