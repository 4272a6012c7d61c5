namespace ClawLearn.StateDir;

/// <summary>What a path is, from one <c>stat</c> or <c>lstat</c>. .NET reports a named pipe, a socket or a device as an
/// ordinary empty file, and opening a pipe blocks until a writer comes (reading <c>/dev/zero</c> never ends), so a
/// pipe left among the transcripts made a scan wait forever. <see cref="SafeFileAccess"/> asks this before it opens.</summary>
internal enum FileKind
{
    /// <summary>Not known: not a Unix system, or the runtime's native library did not answer. Treated as a file.</summary>
    Unknown,
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    /// <summary>A named pipe, a socket, or a character or block device: never read.</summary>
    Special,
}
