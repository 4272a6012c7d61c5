using System.CommandLine;
using ClawLearn.Learning;

namespace ClawLearn.Cli;

/// <summary><c>--by channel|model</c>: learn posteriors per context instead of one per arm.</summary>
internal static class PartitionOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--by") { Description = "Learn separate posteriors per channel or per model (default: one per arm)" };
        option.AcceptOnlyFromAmong("channel", "model");
        return option;
    }

    public static ContextPartition Parse(string? value) => value switch
    {
        "channel" => ContextPartition.Channel,
        "model" => ContextPartition.Model,
        _ => ContextPartition.None,
    };
}
