using ClawLearn.StateDir;

namespace ClawLearn.Export;

/// <summary>
/// Writes an export to the file a user named. A file (or a new path) is written through a temporary file renamed into
/// place, so a failed export never leaves half a file behind. Anything else is written through as it is: renaming over
/// <c>/dev/null</c> or <c>/dev/stdout</c> replaced the device, or the link, with a plain file (as root, for every
/// program on the machine), and renaming over a link to a file replaced the link and left its target unwritten.
/// </summary>
public static class ExportFile
{
    public static void Write(string path, Action<Stream> write)
    {
        if (FileKinds.OfEntry(path) is FileKind.SymbolicLink || FileKinds.Of(path) is FileKind.Special)
        {
            using var through = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            write(through);
            return;
        }
        var temp = path + ".partial";
        try
        {
            using (var file = File.Create(temp)) write(file);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
