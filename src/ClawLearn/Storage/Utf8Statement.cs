using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClawLearn.Storage;

/// <summary>
/// A statement prepared once on a connection's handle and run directly through SQLite, for the few statements ingest
/// runs tens of thousands of times. Text goes in as UTF-8 bytes: JSON serialised straight to UTF-8 is stored without
/// the round trip through a .NET string (UTF-8 to UTF-16 when serialising, back to UTF-8 when binding), and a row
/// costs a bind per value and a step, not a command's per-call setup. It takes part in whatever transaction the
/// connection has open, like any statement on it; it is reset after every step, so a commit never finds it running.
/// </summary>
internal sealed class Utf8Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public Utf8Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Parameters are numbered from 1, in the order they appear in the SQL.</summary>
    public Utf8Statement Text(int index, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(_statement, index, utf8));
        return this;
    }

    public Utf8Statement Blob(int index, ReadOnlySpan<byte> bytes)
    {
        Check(raw.sqlite3_bind_blob(_statement, index, bytes));
        return this;
    }

    public Utf8Statement Text(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    public Utf8Statement Integer(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public Utf8Statement Integer(int index, long? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    public Utf8Statement Real(int index, double value)
    {
        Check(raw.sqlite3_bind_double(_statement, index, value));
        return this;
    }

    /// <summary>Runs the statement (one that returns no rows) and makes it ready for the next binding.</summary>
    public void Run()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    /// <summary>
    /// Steps a query to its next row; after the last it returns false and is ready for the next binding. Read every
    /// row: a statement left on a row is still running.
    /// </summary>
    public bool Next()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>A column's bytes (a text column's UTF-8; empty for null), valid until the statement steps again.</summary>
    public ReadOnlySpan<byte> Span(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>A column's bytes (a text column's UTF-8), copied.</summary>
    public byte[] Bytes(int column) => Span(column).ToArray();

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
