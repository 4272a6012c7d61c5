using System.Globalization;
using ClawLearn.Bench.Corpus;

namespace ClawLearn.Bench;

/// <summary>
/// <c>corpus --out DIR --size-mb N --files N [--seed S]</c>: writes a scale corpus and prints its stats, nothing
/// else. DIR must be new, empty or an earlier corpus (which is replaced), so a real state directory given by
/// mistake is never touched.
/// </summary>
internal static class CorpusCommand
{
    public static int Run(string[] args)
    {
        var options = CorpusOptions.Parse(args, requireOut: true);
        if (options is null) return 2;
        var dir = options.Value.Directory;
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            if (!ScaleCorpus.IsComplete(dir))
            {
                Console.Error.WriteLine($"{dir} is not empty and is not a generated corpus (no {ScaleCorpus.MarkerFile}); not writing there.");
                return 2;
            }
            ScaleCorpus.Clear(dir);
        }
        Directory.CreateDirectory(dir);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generating {options.Value.SizeMb} MB in {options.Value.Files} files under {dir} (seed {options.Value.Seed}) …"));
        ScaleCorpus.Write(dir, options.Value.SizeMb * 1024 * 1024, options.Value.Files, options.Value.Seed).Print(Console.Out);
        return 0;
    }
}
