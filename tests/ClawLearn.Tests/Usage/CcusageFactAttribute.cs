namespace ClawLearn.Tests.Usage;

/// <summary>
/// A test that runs the real ccusage: its native binary named by <c>CLAWLEARN_CCUSAGE</c> (<c>.ci/run</c> installs it
/// from npm). Skipped without it, unless <c>CLAWLEARN_REQUIRE_CCUSAGE=1</c> makes that a failure.
/// </summary>
public sealed class CcusageFactAttribute : FactAttribute
{
    public CcusageFactAttribute()
    {
        var binary = Environment.GetEnvironmentVariable("CLAWLEARN_CCUSAGE");
        if ((binary is null || !File.Exists(binary)) && Environment.GetEnvironmentVariable("CLAWLEARN_REQUIRE_CCUSAGE") != "1")
            Skip = "ccusage is not installed (npm install ccusage@20.0.26 @ccusage/ccusage-linux-x64@20.0.24, then set CLAWLEARN_CCUSAGE to its native binary)";
    }
}
