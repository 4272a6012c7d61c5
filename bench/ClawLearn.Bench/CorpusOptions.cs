using System.Globalization;
using ClawLearn.Bench.Corpus;

namespace ClawLearn.Bench;

/// <summary>The options every corpus-generating mode shares: <c>--size-mb</c>, <c>--files</c>, <c>--seed</c> and the directory.</summary>
internal readonly record struct CorpusOptions(long SizeMb, int Files, int Seed, string Directory, bool DirectoryGiven)
{
    /// <summary>Null (after printing why) when an option is missing or malformed; <paramref name="defaultSizeMb"/> is the mode's default <c>--size-mb</c>.</summary>
    public static CorpusOptions? Parse(string[] args, bool requireOut, long defaultSizeMb = 1024)
    {
        var outName = requireOut ? "--out" : "--dir";
        try
        {
            var sizeMb = long.Parse(StreamingBenchmark.Option(args, "--size-mb", defaultSizeMb.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            var files = int.Parse(StreamingBenchmark.Option(args, "--files", "10000"), CultureInfo.InvariantCulture);
            var seed = int.Parse(StreamingBenchmark.Option(args, "--seed", "42"), CultureInfo.InvariantCulture);
            var dir = StreamingBenchmark.Option(args, outName, "");
            if (requireOut && dir.Length == 0)
            {
                Console.Error.WriteLine("corpus needs --out DIR");
                return null;
            }
            if (sizeMb < 1 || files < 10)
            {
                Console.Error.WriteLine("--size-mb must be at least 1 and --files at least 10");
                return null;
            }
            return new CorpusOptions(sizeMb, files, seed, dir.Length > 0 ? Path.GetFullPath(dir) : ScaleCorpus.DefaultDirectory(sizeMb, files, seed), dir.Length > 0);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>
    /// Makes sure the corpus exists, generating it when needed, and prints its stats. A directory given with --dir
    /// that already has agents is used as it is (a copy of a real state directory, say); the default one is reused
    /// only when a generation of this version and seed finished in it.
    /// </summary>
    public void Ensure()
    {
        var reuse = DirectoryGiven ? System.IO.Directory.Exists(Path.Combine(Directory, "agents")) : ScaleCorpus.IsComplete(Directory);
        if (!reuse)
        {
            if (!DirectoryGiven) ScaleCorpus.Clear(Directory);
            System.IO.Directory.CreateDirectory(Directory);
            Console.Error.WriteLine($"generating {SizeMb} MB in {Files} files under {Directory} (seed {Seed}) …");
            ScaleCorpus.Write(Directory, SizeMb * 1024 * 1024, Files, Seed).Print(Console.Out);
            Console.WriteLine();
        }
        else if (ScaleCorpus.IsComplete(Directory))
        {
            Console.Write(File.ReadAllText(Path.Combine(Directory, ScaleCorpus.MarkerFile)));
            Console.WriteLine();
        }
    }
}
