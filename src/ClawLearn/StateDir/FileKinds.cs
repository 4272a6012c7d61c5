using System.Runtime.InteropServices;

namespace ClawLearn.StateDir;

/// <summary>Asks the system what a path is (see <see cref="FileKind"/>).</summary>
internal static class FileKinds
{
    // The runtime's own native shim (libSystem.Native, beside the framework), which System.IO calls for the same
    // purpose: its FileStatus has one layout on every Unix .NET runs on, with Mode (st_mode, whose S_IF* type bits
    // it keeps as the system defines them, the same values on Linux and macOS) second. The buffer is larger than the
    // struct so that fields added later cannot overrun it.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    private const int TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000,
        Regular = 0x8000, Link = 0xA000, Socket = 0xC000;

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this assembly for one call
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
#pragma warning restore SYSLIB1054

    private static bool s_unavailable = OperatingSystem.IsWindows();

    /// <summary>What <paramref name="path"/> leads to, links followed.</summary>
    public static FileKind Of(string path) => Ask(path, follow: true);

    /// <summary>What <paramref name="path"/> itself is: a link is <see cref="FileKind.SymbolicLink"/>.</summary>
    public static FileKind OfEntry(string path) => Ask(path, follow: false);

    private static FileKind Ask(string path, bool follow)
    {
        if (s_unavailable || path.Contains('\0')) return FileKind.Unknown;
        int result;
        FileStatus status;
        try
        {
            result = follow ? Stat(path, out status) : LStat(path, out status);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_unavailable = true;
            return FileKind.Unknown;
        }
        if (result != 0) return FileKind.Missing; // gone, not allowed to look, a loop of links: the open will say which
        return (status.Mode & TypeMask) switch
        {
            Regular => FileKind.Regular,
            Directory => FileKind.Directory,
            Link => FileKind.SymbolicLink,
            Fifo or CharDevice or BlockDevice or Socket => FileKind.Special,
            _ => FileKind.Unknown,
        };
    }
}
