namespace ClawLearn.StateDir;

/// <summary>
/// Where a path really leads, following symbolic links in every segment (like POSIX <c>realpath</c>, but
/// tolerant of segments that do not exist yet). Used by the privacy boundary so a link cannot smuggle a
/// forbidden file in under an innocent name.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40; // the same bound the kernel uses against link loops
    private const int CacheLimit = 4096;
    // How long a folder's resolution is trusted. Long enough that an ingest resolves each folder of its thousands of
    // files about once; short enough that a long-running server notices a folder that became a link (to somewhere
    // the privacy boundary forbids) within seconds instead of never.
    internal const long CacheMs = 2_000;

    // Folders are resolved once per CacheMs: ingest opens thousands of files in a handful of folders.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Real, long At)> Folders = new(StringComparer.Ordinal);

    public static string Resolve(string path) => Resolve(path, Environment.TickCount64);

    /// <summary>As <see cref="Resolve(string)"/>, at a given time in milliseconds (<see cref="Environment.TickCount64"/>'s clock).</summary>
    internal static string Resolve(string path, long nowMs)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is null) return ResolveUncached(full);
        if (!Folders.TryGetValue(folder, out var cached) || nowMs - cached.At >= CacheMs || nowMs < cached.At)
        {
            cached = (ResolveUncached(folder), nowMs);
            if (Folders.Count < CacheLimit || Folders.ContainsKey(folder)) Folders[folder] = cached;
            else Folders.Clear(); // full of folders nobody asked about lately: start again
        }
        var name = Path.GetFileName(full);
        var candidate = Path.Combine(cached.Real, name);
        return LinkTarget(candidate) is null ? candidate : ResolveUncached(candidate);
    }

    private static string ResolveUncached(string full)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Dequeue());
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) return next; // a loop: judge the path as written
            var resolved = Path.GetFullPath(target, current);
            var rest = pending.ToArray();
            var resolvedRoot = Path.GetPathRoot(resolved) ?? "/";
            pending = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
            current = resolvedRoot;
        }
        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            // One lstat answers for a plain file or folder (the common case: every transcript is checked before it
            // is opened); only a link costs the readlink.
            switch (FileKinds.OfEntry(path))
            {
                case FileKind.SymbolicLink: return new FileInfo(path).LinkTarget;
                case not FileKind.Unknown: return null;
            }
            // Where the system cannot be asked directly: the same through FileInfo (a missing path reads as attributes -1).
            var info = new FileInfo(path);
            var attributes = info.Attributes;
            return attributes != (FileAttributes)(-1) && attributes.HasFlag(FileAttributes.ReparsePoint) ? info.LinkTarget : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
