namespace ClawLearn.Tests.Support;

/// <summary>
/// Hand-written golden files (no snapshot library exists here). Expected output lives under
/// <c>tests/ClawLearn.Tests/Golden/</c>; run the tests with <c>CLAWLEARN_UPDATE_GOLDEN=1</c> to rewrite them,
/// then review the diff like any other change.
/// </summary>
public static class Golden
{
    public static string SourceDir => Path.Combine(RepoPaths.Root, "tests", "ClawLearn.Tests", "Golden");

    public static void Match(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        var path = Path.Combine(SourceDir, name);
        if (Environment.GetEnvironmentVariable("CLAWLEARN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {name} is missing; run the tests with CLAWLEARN_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[line] == actualLines[line]) line++;
        Assert.Fail($"output differs from golden file {name} at line {line + 1}:\n" +
            $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end of output>")}\n" +
            "Run the tests with CLAWLEARN_UPDATE_GOLDEN=1 to accept the new output.");
    }
}
