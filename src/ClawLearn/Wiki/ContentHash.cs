using System.Security.Cryptography;
using System.Text;
using ClawLearn.StateDir;

namespace ClawLearn.Wiki;

/// <summary>
/// <c>sha256:&lt;64 hex&gt;</c> content hashes (B3 requires them) of files, streamed so a transcript is never held in
/// memory, and of a SQLite session's events in <c>seq</c> order. Every read goes through <see cref="SafeFileAccess"/>.
/// </summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Format(SHA256.HashData(bytes));

    public static string OfFile(SafeFileAccess files, string path)
    {
        using var stream = files.OpenRead(path, 1 << 16);
        return Format(SHA256.HashData(stream));
    }

    /// <summary>The hash of a SQLite session's events, their total size in bytes and the time of the latest one.</summary>
    public static (string Hash, long Bytes, long? LatestMs) OfSqliteSession(SafeFileAccess files, string path, string sessionId)
    {
        using var connection = files.OpenSqliteReadOnly(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_json, created_at FROM transcript_events WHERE session_id = $s ORDER BY seq";
        command.Parameters.AddWithValue("$s", sessionId);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        long? latest = null;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var json = Encoding.UTF8.GetBytes(reader.GetString(0));
            hash.AppendData(json);
            hash.AppendData("\n"u8);
            bytes += json.Length + 1;
            if (!reader.IsDBNull(1)) latest = Math.Max(latest ?? long.MinValue, reader.GetInt64(1));
        }
        return (Format(hash.GetHashAndReset()), bytes, latest);
    }

    private static string Format(byte[] digest) => "sha256:" + Convert.ToHexStringLower(digest);
}
