using System.Globalization;
using ClawLearn.Bench.Corpus;

namespace ClawLearn.Bench;

/// <summary>The options every corpus-generating mode shares: <c>--size-mb</c>, <c>--files</c>, <c>--seed</c> and the directory.</summary>
internal readonly record struct CorpusOptions(long SizeMb, int Files, int Seed, string Directory, bool DirectoryGiven)
{
    /// <summary>Null (after printing why) when an option is missing or malformed.</summary>
    public static CorpusOptions? Parse(string[] args, bool requireOut)
    {
        var outName = requireOut ? "--out" : "--dir";
        try
        {
            var sizeMb = long.Parse(StreamingBenchmark.Option(args, "--size-mb", "1024"), CultureInfo.InvariantCulture);
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
}
