namespace ClawLearn.Tests.Fixtures;

/// <summary>The session ids the fixture plants, by role.</summary>
public static class SessionIds
{
    public const string MainDm = "3f9c2a1e-6d2b-4c1e-9a7f-0b5e8d1c2a34";
    public const string Topic = "7b1d44e0-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
    public const string Fork = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
    public const string Subagent = "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6";
    public const string Cron = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a";
    public const string Old = "a0c4e8f2-1357-4bdf-9ace-2468ace02468";
    public const string V2Header = "c0ffee00-1111-4222-8333-944455556666";
    public const string Headerless = "b0b0cafe-0000-4000-8000-000000000001";
    public const string Quirks = "0badf00d-dead-4bee-8f00-000000000bad";
    public const string Deleted = "e1e1e1e1-0000-4000-8000-00000000e1e1";
    public const string SqliteOnly = "5a1e0001-aaaa-4bbb-8ccc-ddddeeee0001";
    public const string Legacy = "legacy-2025-12-30";
    public const string OpsA = "0b500001-1111-4111-8111-111111110001";
    public const string OpsB = "0b500002-2222-4222-8222-222222220002";
    public const string OpsDeleted = "0b5000de-dede-4ded-8ded-dededededede";
    public const string ResearchA = "r-2026-01-12-a1";
    public const string ResearchB = "r-2026-02-03-b2";
    public const string ResearchTopic = "r-2026-02-18-c3";
}
