using System.Text;
using ClawLearn.Export;
using ClawLearn.StateDir;
using ClawLearn.Tests.Support;

namespace ClawLearn.Tests.Export;

/// <summary>
/// <c>export --output</c> renamed a temporary file over whatever the path was: <c>--output /dev/null</c> run as root
/// replaced the device with a plain file, and a link was replaced while its target stayed unwritten.
/// </summary>
public sealed class ExportFileTests
{
    private static void Hello(Stream s) => s.Write("hello\n"u8);

    [Fact]
    public void A_file_is_replaced_whole_and_no_partial_file_is_left()
    {
        using var dir = new TempDir("clawlearn-exportfile");
        var path = dir.Combine("out.json");
        File.WriteAllText(path, "old and longer content\n");
        ExportFile.Write(path, Hello);
        Assert.Equal("hello\n", File.ReadAllText(path));
        Assert.Equal(["out.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_export_leaves_the_old_file_and_no_partial_file()
    {
        using var dir = new TempDir("clawlearn-exportfile");
        var path = dir.Combine("out.json");
        File.WriteAllText(path, "old\n");
        Assert.Throws<IOException>(() => ExportFile.Write(path, s => { Hello(s); throw new IOException("store went away"); }));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["out.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_link_is_written_through_and_stays_a_link()
    {
        using var dir = new TempDir("clawlearn-exportfile");
        var target = dir.Combine("target.json");
        File.WriteAllText(target, "old and longer content\n");
        var link = dir.Combine("link.json");
        File.CreateSymbolicLink(link, target);
        ExportFile.Write(link, Hello);
        Assert.Equal(FileKind.SymbolicLink, FileKinds.OfEntry(link));
        Assert.Equal("hello\n", File.ReadAllText(target));
    }

    [Fact]
    public void A_named_pipe_is_written_through_and_stays_a_pipe()
    {
        using var dir = new TempDir("clawlearn-exportfile");
        var pipe = dir.Combine("pipe");
        NamedPipe.Create(pipe);
        string? read = null;
        // Opening a pipe waits for the other end: the reader runs on its own thread, which must not outlive the test.
        var reader = new Thread(() => read = File.ReadAllText(pipe, Encoding.UTF8)) { IsBackground = true };
        reader.Start();
        ExportFile.Write(pipe, Hello);
        Assert.True(reader.Join(TimeSpan.FromSeconds(10)), "the reader never got the export");
        Assert.Equal("hello\n", read);
        Assert.Equal(FileKind.Special, FileKinds.OfEntry(pipe));
    }
}
