using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ClawLearn.Learning;
using ClawLearn.Usage;

namespace ClawLearn.Storage;

/// <summary>
/// The column lists and row mappings both store engines share, so a SQLite and a PostgreSQL store read the same
/// row into the same record.
/// </summary>
internal static class StoreRows
{
    public const string CursorColumns = "agent_id, session_id, kind, path, identity, size, modified_ticks, position, next_user_index, provider, model, meta_json";
    public const string EventColumns = "id, kind, timestamp, arm_ids_json, reward, reason";
    public const string UsageColumns =
        "agent_id, session_id, user_index, day, provider, model, messages, input, output, cache_read, cache_write, total, cost, first_ms, last_ms";
    public const string UsageOrder = "session_id, user_index, day, provider, model";

    public static SourceCursor Cursor(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt32(8), NullableString(r, 9), NullableString(r, 10), NullableString(r, 11));

    public static LearningEvent Event(DbDataReader r) => new(r.GetInt64(0), Enum.Parse<LearningEventKind>(r.GetString(1)), r.GetInt64(2),
        JsonSerializer.Deserialize(r.GetString(3), LearningJsonContext.Default.ListString)!, r.GetDouble(4), NullableString(r, 5));

    public static UsageRow Usage(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetDouble(12),
        NullableLong(r, 13), NullableLong(r, 14));

    /// <summary>A usage row's values in <see cref="UsageColumns"/> order, as named parameters a, s, i, d, p, m, n, in, out, cr, cw, t, c, f, l.</summary>
    public static (string Name, object Value)[] UsageParameters(UsageRow u) =>
    [
        ("a", u.AgentId), ("s", u.SessionId), ("i", u.UserIndex), ("d", u.Day), ("p", u.Provider), ("m", u.Model), ("n", u.Messages),
        ("in", u.Input), ("out", u.Output), ("cr", u.CacheRead), ("cw", u.CacheWrite), ("t", u.Total), ("c", u.Cost),
        ("f", (object?)u.FirstMs ?? DBNull.Value), ("l", (object?)u.LastMs ?? DBNull.Value),
    ];

    /// <summary>The UTC day a run belongs to, as stored in <c>run_facts.run_day</c>; null for a run without time.</summary>
    public static string? RunDay(long? timestampMs) => timestampMs is { } ts
        ? Day(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ts).UtcDateTime))
        : null;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string EventArmIds(LearningEvent e) => JsonSerializer.Serialize(e.ArmIds.ToList(), LearningJsonContext.Default.ListString);

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? NullableLong(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
