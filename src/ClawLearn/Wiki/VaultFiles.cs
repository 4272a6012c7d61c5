using System.Text;

namespace ClawLearn.Wiki;

/// <summary>
/// Reads and writes vault files: UTF-8 without a byte order mark, LF line ends, and every write through a temporary
/// file renamed into place, so an interrupted run never leaves half a page (or half a manifest) behind.
/// </summary>
public static class VaultFiles
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path, Utf8).Replace("\r\n", "\n") : null;

    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".clawlearn-tmp";
        File.WriteAllText(temp, text, Utf8);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Deletes a page and then its folder when that became empty (a project folder).</summary>
    public static void Delete(string vault, string relative)
    {
        var path = Path.Combine(vault, relative);
        File.Delete(path);
        var dir = Path.GetDirectoryName(path)!;
        while (!string.Equals(Path.GetFullPath(dir).TrimEnd('/'), Path.GetFullPath(vault).TrimEnd('/'), StringComparison.Ordinal)
            && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
            dir = Path.GetDirectoryName(dir)!;
        }
    }
}
