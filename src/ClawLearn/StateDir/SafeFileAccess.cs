using Microsoft.Data.Sqlite;

namespace ClawLearn.StateDir;

/// <summary>
/// Every file ClawLearn reads from a state directory or workspace is opened here, after
/// <see cref="PrivacyBoundary"/> has agreed. Tests subscribe to <see cref="Opened"/> to prove that no
/// forbidden file is ever touched.
/// </summary>
public sealed class SafeFileAccess(string stateDir)
{
    public string StateDir { get; } = Path.GetFullPath(stateDir);

    /// <summary>Raised with the full path of every file opened, before it is opened. Ingest opens files on several
    /// threads; the event is raised under a lock, so a subscriber never sees two calls at once.</summary>
    public event Action<string>? Opened;

    private readonly Lock _openedLock = new();

    public bool IsAllowed(string path) => PrivacyBoundary.ForbiddenReason(StateDir, Path.GetFullPath(path)) is null;

    public FileStream OpenRead(string path, int bufferSize = 1) => Open(Check(path), bufferSize);

    /// <summary>
    /// Opens the file like <see cref="OpenRead"/> when the boundary allows it, else returns null: one judgement for
    /// a caller that would otherwise ask <see cref="IsAllowed"/> and then open (and be judged again).
    /// </summary>
    public FileStream? OpenReadIfAllowed(string path, int bufferSize = 1)
    {
        var full = Path.GetFullPath(path);
        return PrivacyBoundary.ForbiddenReason(StateDir, full) is null ? Open(Announce(full), bufferSize) : null;
    }

    private static FileStream Open(string full, int bufferSize)
    {
        RefuseSpecial(full);
        // FileShare.ReadWrite|Delete: a live gateway may append to, rename or rotate the file while we read.
        return new FileStream(full, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = bufferSize,
            Options = FileOptions.SequentialScan,
        });
    }

    /// <summary>
    /// Reads a small UTF-8 text file (config, markdown) whole; never used for transcripts. With
    /// <paramref name="keepByteOrderMark"/> a leading U+FEFF stays in the text, as Node's readFile keeps it.
    /// </summary>
    /// <exception cref="IOException">The file is larger than <see cref="MaxTextBytes"/>.</exception>
    public string ReadAllText(string path, bool keepByteOrderMark = false)
    {
        using var stream = OpenRead(path, 4096);
        if (stream.Length > MaxTextBytes) throw TooLarge(path);
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: !keepByteOrderMark);
        // Read in pieces and counted: a device reports no length and may never end. Devices are refused before they are
        // opened (RefuseSpecial); this still holds where the system cannot be asked what a path is.
        var text = new System.Text.StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxTextBytes) throw TooLarge(path); // never more characters than bytes
        }
        return text.ToString();
    }

    /// <summary>The most a file read whole (config, markdown, a JSON5 session index) may hold.</summary>
    public const long MaxTextBytes = 64L * 1024 * 1024;

    private static IOException TooLarge(string path) =>
        new($"{path} is larger than {MaxTextBytes / (1024 * 1024)} MB: not read as a text file");

    /// <summary>Opens an SQLite database read-only; a live writer may hold it, so waits are short and bounded.</summary>
    public SqliteConnection OpenSqliteReadOnly(string path)
    {
        var full = Check(path);
        RefuseSpecial(full);
        // With no -wal or -journal beside it, no writer is mid-transaction and nothing waits to be checkpointed: the
        // database is opened immutable, so reading creates no -shm or -wal in OpenClaw's folder (a read-only open of
        // a WAL database makes both and, not being a writer, cannot remove them). With either present a writer may be
        // live; the ordinary read-only open then reads its committed snapshot through the files it already made.
        var quiet = !File.Exists(full + "-wal") && !File.Exists(full + "-journal");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = quiet ? new Uri(full).AbsoluteUri + "?immutable=1" : full,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = 5,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA query_only = 1;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    // Opening a named pipe waits for a writer, and a device like /dev/zero never ends: both only ever hung a read.
    private static void RefuseSpecial(string full)
    {
        if (FileKinds.Of(full) == FileKind.Special) throw new IOException($"{full} is a named pipe, socket or device, not a file: not read");
    }

    private string Check(string path)
    {
        var full = Path.GetFullPath(path);
        if (PrivacyBoundary.ForbiddenReason(StateDir, full) is { } reason) Throw.PrivacyViolation(full, reason);
        return Announce(full);
    }

    private string Announce(string full)
    {
        if (Opened is { } opened)
        {
            lock (_openedLock) opened(full);
        }
        return full;
    }
}
