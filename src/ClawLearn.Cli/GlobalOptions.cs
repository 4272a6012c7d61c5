using System.CommandLine;

namespace ClawLearn.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> StateDir = new("--state-dir")
    {
        Description = "OpenClaw state directory (default: $OPENCLAW_STATE_DIR, else ~/.openclaw, else a legacy ~/.clawdbot, ~/.moltbot or ~/.moldbot)",
        Recursive = true,
    };
}
