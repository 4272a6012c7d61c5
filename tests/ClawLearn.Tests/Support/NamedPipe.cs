using System.Runtime.InteropServices;

namespace ClawLearn.Tests.Support;

/// <summary>Makes a named pipe (FIFO): .NET has no API for one.</summary>
internal static class NamedPipe
{
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the test assembly
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
#pragma warning restore SYSLIB1054

    public static void Create(string path) => Assert.Equal(0, MakeFifo(path, Convert.ToUInt32("644", 8)));
}
